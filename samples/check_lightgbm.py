"""An independent reader and predictor for LightGBM v4 text models.

It shares no code with lightgbm_text.py (the writer): it parses the file as LightGBM's
loader does (header, `tree_sizes` byte offsets, Tree blocks) and predicts with LightGBM's
decision rules, so that a file the writer got wrong disagrees with scikit-learn here.

    /usr/bin/python3 samples/check_lightgbm.py samples/release

checks every LightGBM file of a release against its golden.json entry (1e-9), and, when the
real `lightgbm` package can be imported, loads each file with it and compares again.
"""

from __future__ import annotations

import json
import math
import os
import sys

import numpy as np

K_ZERO_THRESHOLD = 1e-35


class TextModel:
    """A parsed LightGBM text model: header fields and trees as numpy arrays."""

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            data = fh.read()
        self.path = path
        self.header: dict[str, str] = {}
        pos = 0
        while pos < len(data):
            end = data.index(b"\n", pos)
            line = data[pos:end].decode("utf-8")
            if line.startswith("Tree="):
                break
            if "=" in line:
                key, value = line.split("=", 1)
                self.header[key] = value
            pos = end + 1
        else:
            raise ValueError(f"{path}: no Tree= block")
        if self.header.get("version") != "v4":
            raise ValueError(f"{path}: version is {self.header.get('version')!r}, expected v4")
        sizes = [int(s) for s in self.header["tree_sizes"].split()]
        self.num_class = int(self.header["num_class"])
        self.per_iteration = int(self.header["num_tree_per_iteration"])
        self.n_features = int(self.header["max_feature_idx"]) + 1
        names = self.header["feature_names"].split(" ")
        if len(names) != self.n_features or len(self.header["feature_infos"].split(" ")) != self.n_features:
            raise ValueError(f"{path}: feature_names/feature_infos do not have max_feature_idx+1 entries")
        self.objective = self.header["objective"].split(" ")
        self.trees = []
        for i, size in enumerate(sizes):
            block = data[pos : pos + size].decode("utf-8")
            if not block.startswith(f"Tree={i}\n"):
                raise ValueError(f"{path}: tree_sizes[{i}] does not end where Tree={i + 1} starts")
            self.trees.append(self._parse_tree(block))
            pos += size
        if not data[pos:].startswith(b"end of trees\n"):
            raise ValueError(f"{path}: the tree_sizes do not add up to the start of 'end of trees'")

    @staticmethod
    def _parse_tree(block: str) -> dict:
        kv = {}
        for line in block.splitlines()[1:]:
            if "=" in line:
                key, value = line.split("=", 1)
                kv[key] = value
        n = int(kv["num_leaves"])
        if int(kv["num_cat"]) != 0:
            raise ValueError("categorical splits are not handled by this checker")

        def arr(key, dtype, count):
            values = np.array([dtype(v) for v in kv[key].split()] if kv.get(key) else [], dtype=dtype)
            if values.size != count:
                raise ValueError(f"{key}: {values.size} values, expected {count}")
            return values

        tree = {"num_leaves": n, "leaf_value": arr("leaf_value", float, n)}
        if n > 1:
            tree.update(
                split_feature=arr("split_feature", int, n - 1),
                threshold=arr("threshold", float, n - 1),
                decision_type=arr("decision_type", int, n - 1),
                left_child=arr("left_child", int, n - 1),
                right_child=arr("right_child", int, n - 1),
            )
        return tree

    def raw_scores(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        out = np.zeros((X.shape[0], self.per_iteration))
        rows = np.arange(X.shape[0])
        for t, tree in enumerate(self.trees):
            if tree["num_leaves"] == 1:
                out[:, t % self.per_iteration] += tree["leaf_value"][0]
                continue
            node = np.zeros(X.shape[0], dtype=np.int64)
            active = np.ones(X.shape[0], dtype=bool)
            leaf = np.zeros(X.shape[0], dtype=np.int64)
            while active.any():
                r = rows[active]
                nd = node[r]
                dt = tree["decision_type"][nd]
                if np.any(dt & 1):
                    raise ValueError("categorical decision")
                fval = X[r, tree["split_feature"][nd]]
                missing = (dt >> 2) & 3
                fval = np.where(np.isnan(fval) & (missing != 2), 0.0, fval)
                is_missing = ((missing == 1) & (np.abs(fval) <= K_ZERO_THRESHOLD)) | ((missing == 2) & np.isnan(fval))
                go_left = np.where(is_missing, (dt & 2) != 0, fval <= tree["threshold"][nd])
                nxt = np.where(go_left, tree["left_child"][nd], tree["right_child"][nd])
                done = nxt < 0
                leaf[r[done]] = ~nxt[done]
                active[r[done]] = False
                node[r[~done]] = nxt[~done]
            out[:, t % self.per_iteration] += tree["leaf_value"][leaf]
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        """What LightGBM's default predict returns: probabilities for binary and multiclass."""
        raw = self.raw_scores(X)
        kind = self.objective[0]
        if kind == "binary":
            sigmoid = float(self.objective[1].split(":")[1]) if len(self.objective) > 1 else 1.0
            return 1.0 / (1.0 + np.exp(-sigmoid * raw))
        if kind in ("multiclass", "softmax"):
            z = np.exp(raw - raw.max(axis=1, keepdims=True))
            return z / z.sum(axis=1, keepdims=True)
        if kind == "regression":
            return raw
        raise ValueError(f"objective {kind} is not handled by this checker")


def rows_to_array(rows: list) -> np.ndarray:
    return np.array([[math.nan if v is None else float(v) for v in row] for row in rows], dtype=np.float64)


def try_real_lightgbm():
    try:
        import lightgbm  # noqa: F401  (optional: only to cross-check when it is installed)

        return lightgbm
    except ImportError:
        return None


def check_release(release: str, atol: float = 1e-9) -> list[str]:
    """Compares every LightGBM golden entry with this predictor (and real LightGBM if present)."""
    with open(os.path.join(release, "golden.json")) as fh:
        golden = json.load(fh)
    lgb = try_real_lightgbm()
    report = []
    for name, entry in sorted(golden["models"].items()):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(release, name)
        X = rows_to_array(entry["rows"])
        expected = np.array(entry["outputs"], dtype=np.float64)
        ours = TextModel(path).predict(X)
        diff = float(np.abs(ours - expected).max())
        if diff > atol:
            raise AssertionError(f"{name}: this predictor differs from golden outputs by {diff:g}")
        line = f"{name}: {len(X)} rows, max diff {diff:.3g} (independent predictor)"
        if lgb is not None:
            booster = lgb.Booster(model_file=path)
            real = booster.predict(X).reshape(len(X), -1)
            rdiff = float(np.abs(real - expected).max())
            if rdiff > atol:
                raise AssertionError(f"{name}: real LightGBM {lgb.__version__} differs from golden outputs by {rdiff:g}")
            line += f", {rdiff:.3g} (LightGBM {lgb.__version__})"
        report.append(line)
    if lgb is None:
        report.append("real LightGBM not importable here: checked with the independent predictor only")
    return report


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "release")
    for message in check_release(target):
        print(message)
