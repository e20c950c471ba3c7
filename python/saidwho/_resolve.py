"""What ``gazetteer=`` means everywhere: ``None`` the default gazetteer, ``False`` none, or a Gazetteer."""
from __future__ import annotations

from typing import Any

from .gazetteer import Gazetteer


def resolve_gazetteer(gazetteer: Any, native_only: bool = False) -> Any:
    """``None`` → :func:`saidwho.default_gazetteer`; ``False`` → no gazetteer (``None``); a
    :class:`saidwho.Gazetteer` as is. With ``native_only=False`` any object with a ``find(text)`` method is
    accepted too (its matches need start, end, id, label, and optionally name)."""
    if gazetteer is None:
        from .default import default_gazetteer

        return default_gazetteer()
    if gazetteer is False:
        return None
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if not native_only and callable(getattr(gazetteer, "find", None)):
        return gazetteer
    raise TypeError(
        "gazetteer must be a saidwho.Gazetteer, None (the default gazetteer) or False (none), "
        f"not {type(gazetteer).__name__}"
    )
