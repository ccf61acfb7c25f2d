"""Union-find whose representative is always the earliest member, so cluster ids are stable."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    def __init__(self, order: dict[str, int] | Iterable[str]) -> None:
        if not isinstance(order, dict):
            order = {key: i for i, key in enumerate(order)}
        self._rank = dict(order)  # position: the lower one represents the set
        self._parent = {key: key for key in order}

    def find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, drop = (ra, rb) if self._rank[ra] <= self._rank[rb] else (rb, ra)
        self._parent[drop] = keep
        return keep

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in sorted(self._parent, key=self._rank.__getitem__):
            out.setdefault(self.find(key), []).append(key)
        return out
