"""``NamedTuple`` for run time, without importing ``typing``.

Importing ``typing`` costs a first call about as much as all of bhtime's own
modules. Type checkers read ``typing.NamedTuple`` (each module imports it
under ``TYPE_CHECKING``); at run time a class statement with this base is
made by ``collections.namedtuple``, as typing's own ``NamedTuple`` is, with
the same fields, defaults, docstring and methods, minus typing's evaluation
of each annotation.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["NamedTuple"]

# What a class body holds besides its fields and methods.
_CLASS_KEYS = frozenset({"__annotations__", "__module__", "__qualname__", "__doc__"})


class _RecordType(type):
    def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # NamedTuple itself
            return super().__new__(cls, name, bases, namespace)
        annotations = namespace.get("__annotations__", {})
        assert isinstance(annotations, dict)
        fields = list(annotations)
        defaults = [namespace[field] for field in fields if field in namespace]
        make: Any = namedtuple  # the fields are dynamic, as in typing's own NamedTuple
        record: type = make(name, fields, defaults=defaults, module=str(namespace["__module__"]))
        record.__qualname__ = str(namespace["__qualname__"])
        record.__annotations__ = annotations
        if namespace.get("__doc__"):
            record.__doc__ = str(namespace["__doc__"])
        for key, value in namespace.items():
            if key not in _CLASS_KEYS and key not in annotations:
                setattr(record, key, value)
        return record


class NamedTuple(metaclass=_RecordType):
    """The base of a record class: ``class Point(NamedTuple): x: int; y: int = 0``."""
