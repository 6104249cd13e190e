"""Sequences computed the first time they are used, standing for the tuple they compute."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

__all__ = ["LazyTuple"]

_T = TypeVar("_T")


class LazyTuple(Sequence[_T]):
    """A sequence whose items a subclass computes in :meth:`_all`, once, on first use; it
    compares equal to a tuple or list of the same items."""

    def _all(self) -> tuple[_T, ...]:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[_T]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyTuple, tuple, list)):
            return self._all() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, but computed late
