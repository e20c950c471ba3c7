//! One cache of rayon thread pools for the whole crate, safe across `fork()`.
//!
//! Every batch entry point runs its parallel work inside a pool from [`pool`], never on rayon's global pool.
//! Pools are cached by `(process id, thread count)`: a call with the same count reuses the pool, so a thousand
//! batch calls start threads once.
//!
//! **Fork safety.** `fork()` copies only the calling thread into the child. A pool made before the fork still
//! looks alive in the child's memory but its worker threads do not exist there, so installing work into it
//! would wait forever (rayon's global pool has the same problem, which is why it is never used). When [`pool`]
//! sees that the process id changed, it forgets the inherited pools without dropping them (dropping would
//! signal threads that are not there; the leak is a few hundred bytes per pool) and builds new ones.
//!
//! ```
//! use saidwho::parallel::pool;
//! let p = pool(Some(2)).unwrap();
//! assert_eq!(p.current_num_threads(), 2);
//! assert!(std::sync::Arc::ptr_eq(&p, &pool(Some(2)).unwrap())); // cached
//! assert_eq!(p.install(|| 6 * 7), 42);
//! assert!(pool(Some(0)).is_err());
//! ```
use std::sync::{Arc, Mutex};

use rayon::ThreadPool;

use crate::{Error, Result};

/// The pools of one process, keyed by thread count.
struct Cache {
    pid: u32,
    pools: Vec<(usize, Arc<ThreadPool>)>,
}

static CACHE: Mutex<Cache> = Mutex::new(Cache {
    pid: 0,
    pools: Vec::new(),
});

/// The number of threads `None` stands for: every core this process may use.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A cached pool of `n_threads` threads (all cores when `None`) belonging to this process.
///
/// `Some(0)` is an [`Error::InvalidArgument`]; so is a pool the system cannot start.
pub fn pool(n_threads: Option<usize>) -> Result<Arc<ThreadPool>> {
    let n = match n_threads {
        Some(0) => {
            return Err(Error::InvalidArgument(
                "n_threads must be at least 1".into(),
            ))
        }
        Some(n) => n,
        None => all_cores(),
    };
    let pid = std::process::id();
    // The lock is held only for lookups and inserts, never while threads start or work runs.
    {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if cache.pid != pid {
            // Inherited from the parent through fork(): their threads are not in this process.
            std::mem::forget(std::mem::take(&mut cache.pools));
            cache.pid = pid;
        }
        if let Some((_, p)) = cache.pools.iter().find(|(k, _)| *k == n) {
            return Ok(p.clone());
        }
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("saidwho-{i}"))
        .build()
        .map_err(|e| Error::InvalidArgument(format!("cannot start {n} threads: {e}")))?;
    let built = Arc::new(built);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if cache.pid != pid {
        // Only possible if this very call straddled a fork, which cannot happen in the thread that forked.
        std::mem::forget(std::mem::take(&mut cache.pools));
        cache.pid = pid;
    }
    // Two threads may have built the same size at once: keep the first, drop ours (its threads exist).
    if let Some((_, p)) = cache.pools.iter().find(|(k, _)| *k == n) {
        return Ok(p.clone());
    }
    cache.pools.push((n, built.clone()));
    Ok(built)
}

/// Run `f` inside the pool of `n_threads` threads (all cores when `None`).
///
/// ```
/// use rayon::prelude::*;
/// let sum: u64 = saidwho::parallel::install(Some(2), || (1..=100u64).into_par_iter().sum()).unwrap();
/// assert_eq!(sum, 5050);
/// ```
pub fn install<R: Send>(n_threads: Option<usize>, f: impl FnOnce() -> R + Send) -> Result<R> {
    Ok(pool(n_threads)?.install(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_per_count() {
        let a = pool(Some(3)).unwrap();
        let b = pool(Some(3)).unwrap();
        let c = pool(Some(1)).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(c.current_num_threads(), 1);
        assert_eq!(pool(None).unwrap().current_num_threads(), all_cores());
    }

    #[test]
    fn zero_threads_is_an_error() {
        let e = pool(Some(0)).unwrap_err();
        assert!(e.to_string().contains("at least 1"), "{e}");
    }

    #[test]
    fn concurrent_first_use_gives_one_pool() {
        let pools: Vec<Arc<ThreadPool>> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..8).map(|_| s.spawn(|| pool(Some(5)).unwrap())).collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(pools.iter().all(|p| Arc::ptr_eq(p, &pools[0])));
    }
}
