"""The public surface of konflikt.resolve, and its load cost."""

from __future__ import annotations

import dataclasses
import types

import konflikt.resolve as resolve
from konflikt.resolve import ActorRef


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(resolve).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert set(resolve.__all__) == public
    assert all(callable(getattr(resolve, name)) for name in resolve.__all__)


def test_actor_ref_is_frozen_and_slotted() -> None:
    ref = ActorRef("Islamic State", "armed_group", None)
    assert dataclasses.is_dataclass(ref) and not hasattr(ref, "__dict__")
    try:
        ref.name = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:  # pragma: no cover
        raise AssertionError("ActorRef must be frozen")
