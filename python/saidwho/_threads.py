"""How many threads a batch call uses when the caller does not say.

Outside a cluster a batch uses every core. Inside a Dask worker or a Spark task the cluster already runs one task
per core, so saidwho uses one thread per task (no oversubscription). ``SAIDWHO_NUM_THREADS`` overrides both.

>>> resolve_threads(3)
3
"""
from __future__ import annotations

import os
import sys

MAX_THREADS = 1024  # more threads than this is a mistake (and would exhaust the process), not a request


def _inside_cluster_task() -> bool:
    dist = sys.modules.get("distributed")
    if dist is not None:
        try:
            dist.get_worker()
            return True
        except (ValueError, AttributeError):
            pass
    spark = sys.modules.get("pyspark")
    if spark is not None:
        try:
            from pyspark import TaskContext

            if TaskContext.get() is not None:
                return True
        except ImportError:
            pass
    return os.environ.get("SPARK_PARTITION_ID") is not None or os.environ.get("PYSPARK_WORKER") is not None


def resolve_threads(n_threads: int | None) -> int:
    """The thread count a batch call uses: ``n_threads`` if given (>= 1), else the default described above.

    Returns 0 for "all cores" (the Rust side then uses every core).
    """
    if n_threads is not None:
        if isinstance(n_threads, bool) or not isinstance(n_threads, int):
            raise TypeError(f"n_threads must be an int or None, not {type(n_threads).__name__}")
        if n_threads < 1:
            raise ValueError(f"n_threads must be >= 1, got {n_threads}")
        if n_threads > MAX_THREADS:
            raise ValueError(f"n_threads must be at most {MAX_THREADS}, got {n_threads}")
        return n_threads
    env = os.environ.get("SAIDWHO_NUM_THREADS")
    if env:
        try:
            n = int(env)
        except ValueError:
            raise ValueError(f"SAIDWHO_NUM_THREADS must be an integer, got {env!r}") from None
        if n >= 1:
            return min(n, MAX_THREADS)
    return 1 if _inside_cluster_task() else 0
