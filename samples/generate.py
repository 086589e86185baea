#!/usr/bin/python3
"""Generates the sample model release in `samples/release/` (or a seed-sized one).

    /usr/bin/python3 samples/generate.py                 # samples/release/, about 2 MB
    /usr/bin/python3 samples/generate.py --scale seed    # samples/seed/, about 26 MB
    /usr/bin/python3 samples/generate.py --seed 7 --out /tmp/other

Every model is trained for real, on synthetic price features, by the frameworks the seed's
training job used (PyTorch, XGBoost, scikit-learn; LightGBM files are scikit-learn trees
written in LightGBM's v4 text format, see lightgbm_text.py), and the bundle has the seed's
21 file names. golden.json holds inputs and the outputs the training frameworks produced.
The same seed gives byte-identical files: single-threaded math, seeded generators,
deterministic algorithms and fixed serialisation (JSON key order, pickle protocol 4).

Metric values in the metadata are the seed release's (see samples/README.md): the gates
must reach the seed's decisions. The synthetic data's own metrics are kept beside them
under "synthetic".
"""

from __future__ import annotations

import os

# Before numpy, scikit-learn and torch start their thread pools: parallel reductions are
# the one source of run-to-run (and machine-to-machine) differences left.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from numpy.lib.stride_tricks import sliding_window_view  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import onnx  # noqa: E402
import sklearn  # noqa: E402
import torch  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from torch import nn  # noqa: E402

from check_lightgbm import TextModel, check_release  # noqa: E402
from lightgbm_text import hgb_to_lightgbm  # noqa: E402

SEQ_LEN = 48
HEADS = [f"{h}h" for h in range(1, 13)]
FEATURES = [
    "ret_1", "ret_4", "ret_12", "ret_24",
    "macd", "macd_signal", "macd_hist", "rsi_14",
    "vol_12", "vol_48", "vol_ratio", "atr_14",
    "bb_pct_20", "sma_dist_48", "volume_z_48", "hour_sin",
]  # fmt: skip
CROSS_FEATURES = FEATURES + [
    "b_ret_1", "b_ret_12", "b_macd_hist", "b_rsi_14",
    "b_vol_12", "corr_48", "rel_strength_24", "b_volume_z_48",
]  # fmt: skip
TREND_CLASSES = ["down", "ranging", "up"]
VOL_CLASSES = ["low", "normal", "high"]
STACKING_BASE = [
    "stacking_lgb_1h.txt",
    "stacking_xgb_1h.json",
    "stacking_lstm_1h.pt",
    "stacking_tft_1h.pt",
    "stacking_lgb_cross_1h.txt",
]
BASE_KEYS = ["lgb", "xgb", "lstm", "tft", "cross_lgb"]

# The seed release's numbers (seed/README.md): what its gates decided on.
SEED_STACKING_METRICS = {"oof_auc": 0.5879, "test_auc": 0.5480, "val_auc": 0.8331, "n_oof": 24492}
SEED_BASE_METRICS = {
    "lgb": {"oof_auc": 0.5833, "oof_std": 0.0963},
    "xgb": {"oof_auc": 0.5808, "oof_std": 0.0875},
    "lstm": {"oof_auc": 0.5428, "oof_std": 0.3665},
    "tft": {"oof_auc": 0.5250, "oof_std": 0.2355},
    "cross_lgb": {"oof_auc": 0.5815, "oof_std": 0.0917},
}
SEED_HORIZONS = {
    "1h": SEED_STACKING_METRICS,
    "4h": {"oof_auc": 0.5612, "test_auc": 0.4874, "val_auc": 0.7012, "n_oof": 6112},
    "24h": {"oof_auc": 0.5702, "test_auc": 0.5301, "val_auc": 0.6420, "n_oof": 992},
}
SEED_MODELS = {
    "lstm": {"val_auc": 0.5273, "test_auc": 0.5393, "target_auc": 0.57},
    "tft": {"val_auc": 0.5250, "test_auc": 0.5202},
}

# sample: small enough to commit (~2 MB); seed: the seed bundle's size (~26 MB).
SCALES = {
    "sample": {
        "n_bars": 9000,
        "lstm": {"hidden": 48, "layers": 2, "epochs": 6, "max_train": 6000},
        "tft": {"d": 32, "heads": 4, "epochs": 5, "max_train": 6000},
        "stack_lstm": {"hidden": 16, "layers": 1, "epochs": 3, "max_train": None},
        "stack_tft": {"d": 16, "heads": 2, "epochs": 3, "max_train": None},
        "stack_lgb": {"max_iter": 60, "max_leaf_nodes": 15, "learning_rate": 0.05, "min_samples_leaf": 40},
        "direction_lgb": {"max_iter": 80, "max_leaf_nodes": 15, "learning_rate": 0.05, "min_samples_leaf": 30},
        "regime_lgb": {"max_iter": 40, "max_leaf_nodes": 15, "learning_rate": 0.1, "min_samples_leaf": 30},
        "xgb": {"rounds": 100, "max_depth": 4},
        "golden_sequences": 3,
    },
    "seed": {
        "n_bars": 30000,
        "lstm": {"hidden": 320, "layers": 2, "epochs": 1, "max_train": 4000},
        "tft": {"d": 128, "heads": 8, "epochs": 2, "max_train": 8000},
        "stack_lstm": {"hidden": 160, "layers": 1, "epochs": 2, "max_train": 8000},
        "stack_tft": {"d": 80, "heads": 4, "epochs": 2, "max_train": 8000},
        "stack_lgb": {"max_iter": 400, "max_leaf_nodes": 31, "learning_rate": 0.03, "min_samples_leaf": 40},
        "direction_lgb": {"max_iter": 450, "max_leaf_nodes": 31, "learning_rate": 0.03, "min_samples_leaf": 30},
        "regime_lgb": {"max_iter": 220, "max_leaf_nodes": 31, "learning_rate": 0.05, "min_samples_leaf": 30},
        "xgb": {"rounds": 700, "max_depth": 6},
        "golden_sequences": 4,
    },
}

RELEASE_FILES = [
    "lstm_1h.pt", "lstm_1h.onnx", "lstm_1h_meta.json",
    "tft_1h.pt", "tft_1h.onnx", "tft_1h_meta.json",
    "stacking_meta.json", "stacking_meta.pkl", "stacking_meta_1h.json", "stacking_meta_1h.pkl",
    "stacking_lgb_1h.txt", "stacking_xgb_1h.json", "stacking_lstm_1h.pt", "stacking_tft_1h.pt",
    "stacking_lgb_cross_1h.txt",
    "lgb_direction_model_1h.txt", "lgb_cross_asset_1h.txt", "vol_regime_model.txt", "trend_regime_model.txt",
    "metrics.json", "golden.json",
]  # fmt: skip


def log(message: str) -> None:
    print(message, flush=True)


# ----------------------------------------------------------------------------- market


def simulate(seed: int, n: int) -> dict[str, np.ndarray]:
    """A random-walk price with latent drift and volatility regimes, and a correlated second asset.

    The drift is a slow AR(1) (so momentum carries a weak signal, stronger at longer
    horizons), nudged by the second asset's last return (so cross-asset features help);
    log-volatility is an AR(1) too (volatility clusters). The latent states are the regime
    labels.
    """
    rng = np.random.default_rng(seed)
    eta, xi, eps, eps_b, xi_b = (rng.standard_normal(n) for _ in range(5))
    h = np.zeros(n)
    m = np.zeros(n)
    m_b = np.zeros(n)
    r = np.zeros(n)
    r_b = np.zeros(n)
    for t in range(1, n):
        h[t] = 0.985 * h[t - 1] + 0.12 * eta[t]
        m[t] = 0.97 * m[t - 1] + 0.00012 * xi[t] + 0.02 * r_b[t - 1]
        m_b[t] = 0.97 * m_b[t - 1] + 0.0001 * xi_b[t]
        sigma = 0.006 * math.exp(h[t])
        r[t] = m[t] + sigma * eps[t]
        r_b[t] = 0.7 * r[t] + m_b[t] + 0.6 * sigma * eps_b[t]
    close = 30000.0 * np.exp(np.cumsum(r))
    close_b = 2000.0 * np.exp(np.cumsum(r_b))
    spread = np.abs(rng.standard_normal((2, n))) * 0.5 * 0.006 * np.exp(h)
    volume = np.exp(8.0 + 0.8 * h + 0.3 * rng.standard_normal(n)) * (1.0 + 0.3 * np.abs(eps))
    volume_b = np.exp(7.0 + 0.8 * h + 0.4 * rng.standard_normal(n))
    return {
        "close": close,
        "high": close * (1.0 + spread[0]),
        "low": close * (1.0 - spread[1]),
        "volume": volume,
        "close_b": close_b,
        "volume_b": volume_b,
        "drift": m,
        "logvol": h,
        "hour": np.arange(n) % 24,
        "gap_draws": rng.random((3, n)),
    }


def ema(x: np.ndarray, alpha: float) -> np.ndarray:
    out = np.empty_like(x)
    acc = x[0]
    for i, v in enumerate(x):
        acc = alpha * v + (1.0 - alpha) * acc
        out[i] = acc
    return out


def rolling(x: np.ndarray, w: int, fn) -> np.ndarray:
    out = np.full(x.shape[0], np.nan)
    out[w - 1 :] = fn(sliding_window_view(x, w), axis=1)
    return out


def lag_diff(x: np.ndarray, k: int) -> np.ndarray:
    out = np.full(x.shape[0], np.nan)
    out[k:] = x[k:] - x[:-k]
    return out


def rsi(close: np.ndarray, n: int = 14) -> np.ndarray:
    d = np.diff(close, prepend=close[0])
    up = ema(np.maximum(d, 0.0), 1.0 / n)
    down = ema(np.maximum(-d, 0.0), 1.0 / n)
    return 100.0 - 100.0 / (1.0 + up / np.maximum(down, 1e-12))


def macd(close: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    line = (ema(close, 2 / 13) - ema(close, 2 / 27)) / close * 100.0
    signal = ema(line, 2 / 10)
    return line, signal, line - signal


def features(mk: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The 16 price features and the 24 cross-asset ones, one row a bar, NaN where a feed had a gap."""
    c, c_b = mk["close"], mk["close_b"]
    lc, lc_b = np.log(c), np.log(c_b)
    r1, r1_b = lag_diff(lc, 1), lag_diff(lc_b, 1)
    line, signal, hist = macd(c)
    _, _, hist_b = macd(c_b)
    vol12 = rolling(np.nan_to_num(r1), 12, np.std)
    vol48 = rolling(np.nan_to_num(r1), 48, np.std)
    prev = np.concatenate([[c[0]], c[:-1]])
    tr = np.maximum(mk["high"] - mk["low"], np.maximum(np.abs(mk["high"] - prev), np.abs(mk["low"] - prev))) / c
    sma20, sd20 = rolling(c, 20, np.mean), rolling(c, 20, np.std)
    lv, lv_b = np.log(mk["volume"]), np.log(mk["volume_b"])
    vz = (lv - rolling(lv, 48, np.mean)) / rolling(lv, 48, np.std)
    vz_b = (lv_b - rolling(lv_b, 48, np.mean)) / rolling(lv_b, 48, np.std)
    rb = np.nan_to_num(r1_b)
    ra = np.nan_to_num(r1)
    win_a, win_b = sliding_window_view(ra, 48), sliding_window_view(rb, 48)
    corr = np.full(c.shape[0], np.nan)
    da, db = win_a - win_a.mean(axis=1, keepdims=True), win_b - win_b.mean(axis=1, keepdims=True)
    corr[47:] = (da * db).sum(axis=1) / np.sqrt((da * da).sum(axis=1) * (db * db).sum(axis=1))
    main = np.column_stack(
        [
            r1 * 100.0,
            lag_diff(lc, 4) * 100.0,
            lag_diff(lc, 12) * 100.0,
            lag_diff(lc, 24) * 100.0,
            line,
            signal,
            hist,
            rsi(c),
            vol12 * 100.0,
            vol48 * 100.0,
            vol12 / vol48,
            ema(tr, 1 / 14) * 100.0,
            (c - sma20) / (2.0 * sd20),
            (c / rolling(c, 48, np.mean) - 1.0) * 100.0,
            vz,
            np.sin(2 * np.pi * mk["hour"] / 24.0),
        ]
    )
    b_ret12 = lag_diff(lc_b, 12) * 100.0
    cross = np.column_stack(
        [
            r1_b * 100.0,
            b_ret12,
            hist_b,
            rsi(c_b),
            rolling(rb, 12, np.std) * 100.0,
            corr,
            (lag_diff(lc, 24) - lag_diff(lc_b, 24)) * 100.0,
            vz_b,
        ]
    )
    # Feed gaps: the volume feed drops 4% of bars, the second exchange 2% (its returns too).
    gaps = mk["gap_draws"]
    main[gaps[0] < 0.04, FEATURES.index("volume_z_48")] = np.nan
    cross[gaps[1] < 0.02, 0:2] = np.nan
    cross[gaps[2] < 0.06, 7] = np.nan
    return main, np.column_stack([main, cross])


# ----------------------------------------------------------------------------- models


class MultiHorizonLSTM(nn.Module):
    """LSTM over 48 bars; one sigmoid head per horizon (1h..12h), output `probs`."""

    def __init__(self, n_features: int, hidden: int, layers: int, n_heads: int):
        super().__init__()
        self.hidden, self.layers = hidden, layers
        self.lstm = nn.LSTM(n_features, hidden, num_layers=layers, batch_first=True)
        self.head = nn.Linear(hidden, n_heads)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Initial states sized from the input, so the ONNX graph keeps a dynamic batch axis.
        h0 = x.new_zeros((self.layers, x.size(0), self.hidden))
        out, _ = self.lstm(x, (h0, h0))
        return torch.sigmoid(self.head(out[:, -1]))


class TinyTFT(nn.Module):
    """A small Temporal-Fusion-Transformer-like model: variable selection, LSTM encoder,
    interpretable attention from the last bar over the window, gated residual network."""

    def __init__(self, n_features: int, d: int, heads: int, seq_len: int = SEQ_LEN):
        super().__init__()
        self.d = d
        self.n_features = n_features
        self.select = nn.Linear(n_features, n_features)
        self.embed = nn.Linear(n_features, d)
        self.position = nn.Parameter(torch.zeros(1, seq_len, d))
        self.encoder = nn.LSTM(d, d, batch_first=True)
        self.attention = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm1 = nn.LayerNorm(d)
        self.grn = nn.Sequential(nn.Linear(d, 2 * d), nn.ELU(), nn.Linear(2 * d, d))
        self.gate = nn.Linear(d, d)
        self.norm2 = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        weights = torch.softmax(self.select(x), dim=-1)
        h = self.embed(x * weights * self.n_features) + self.position
        h0 = x.new_zeros((1, x.size(0), self.d))
        h, _ = self.encoder(h, (h0, h0))
        query = h[:, -1:, :]
        attended, _ = self.attention(query, h, h, need_weights=False)
        z = self.norm1(attended + query)
        z = self.norm2(z + torch.sigmoid(self.gate(z)) * self.grn(z))
        return torch.sigmoid(self.head(z[:, 0]))


def train_torch(model: nn.Module, X: torch.Tensor, Y: torch.Tensor, *, epochs: int, seed: int, lr: float = 2e-3) -> nn.Module:
    generator = torch.Generator().manual_seed(seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.BCELoss()
    model.train()
    for _ in range(epochs):
        order = torch.randperm(X.shape[0], generator=generator)
        for i in range(0, X.shape[0], 128):
            batch = order[i : i + 128]
            optimiser.zero_grad()
            loss = loss_fn(model(X[batch]), Y[batch])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
    model.eval()
    return model


def torch_predict(model: nn.Module, X: torch.Tensor) -> np.ndarray:
    with torch.no_grad():
        return torch.cat([model(X[i : i + 512]) for i in range(0, X.shape[0], 512)]).numpy().astype(np.float64)


def hgb(params: dict, seed: int) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**params, l2_regularization=0.0, early_stopping=False, random_state=seed)


def train_xgb(X: np.ndarray, y: np.ndarray, params: dict, seed: int) -> xgb.Booster:
    dtrain = xgb.DMatrix(X, label=y, missing=np.nan, feature_names=FEATURES, nthread=1)
    booster_params = {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "max_depth": params["max_depth"],
        "eta": 0.05,
        "min_child_weight": 5,
        "subsample": 1.0,
        "colsample_bytree": 1.0,
        "tree_method": "hist",
        "nthread": 1,
        "seed": seed,
    }
    return xgb.train(booster_params, dtrain, num_boost_round=params["rounds"])


def xgb_predict(booster: xgb.Booster, X: np.ndarray) -> np.ndarray:
    return booster.predict(xgb.DMatrix(X, missing=np.nan, feature_names=FEATURES, nthread=1)).astype(np.float64)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    return round(float(roc_auc_score(y, p)), 4)


# ----------------------------------------------------------------------------- writing


class Writer:
    def __init__(self, out: str):
        self.out = out
        os.makedirs(out, exist_ok=True)
        self.written: list[str] = []

    def path(self, name: str) -> str:
        return os.path.join(self.out, name)

    def done(self, name: str) -> None:
        self.written.append(name)
        log(f"  wrote {name:<28} {os.path.getsize(self.path(name)):>10,} bytes")

    def bytes(self, name: str, data: bytes) -> None:
        with open(self.path(name), "wb") as fh:
            fh.write(data)
        self.done(name)

    def text(self, name: str, text: str) -> None:
        self.bytes(name, text.encode("utf-8"))

    def json(self, name: str, value, *, compact: bool = False) -> None:
        if compact:
            text = json.dumps(value, separators=(",", ":"), allow_nan=False)
        else:
            text = json.dumps(value, indent=2, allow_nan=False)
        self.text(name, text + "\n")


def export_onnx(model: nn.Module, example: torch.Tensor, path: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            example,
            path,
            input_names=["x"],
            output_names=["probs"],
            dynamic_axes={"x": {0: "batch"}, "probs": {0: "batch"}},
            opset_version=17,
            do_constant_folding=True,
        )
    onnx.checker.check_model(onnx.load(path))


def floats(a: np.ndarray) -> list[float]:
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def tree_rows(X: np.ndarray) -> list[list[float | None]]:
    return [[None if math.isnan(v) else float(v) for v in row] for row in X]


def verify_lightgbm_text(name: str, path: str, model: HistGradientBoostingClassifier, checks: list[np.ndarray]) -> None:
    """The written file, read back by the independent predictor, must give scikit-learn's probabilities."""
    text_model = TextModel(path)
    for X in checks:
        expected = model.predict_proba(X)
        if expected.shape[1] == 2:
            expected = expected[:, 1:]
        diff = float(np.abs(text_model.predict(X) - expected).max())
        if diff > 1e-9:
            raise AssertionError(f"{name}: LightGBM-text prediction differs from scikit-learn by {diff:g}")


# ----------------------------------------------------------------------------- main


def generate(seed: int, scale: str, out: str) -> None:
    started = time.time()
    cfg = SCALES[scale]
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    log(f"modelgate sample release: seed {seed}, scale {scale}, out {out}")
    log(f"  torch {torch.__version__}, xgboost {xgb.__version__}, scikit-learn {sklearn.__version__}, onnx {onnx.__version__}")

    n = cfg["n_bars"]
    mk = simulate(seed, n)
    X16, X24 = features(mk)
    close = mk["close"]

    # Bars with a full 48-bar window of defined features behind them and 12 bars ahead.
    first = 120
    idx = np.arange(first, n - 12)
    y_heads = np.column_stack([(close[idx + h] > close[idx]).astype(np.float64) for h in range(1, 13)])
    y1 = y_heads[:, 0].astype(np.int64)
    drift = mk["drift"][idx]
    band = 0.4 * mk["drift"].std()
    y_trend = np.where(drift < -band, 0, np.where(drift > band, 2, 1))
    lv = mk["logvol"][idx]
    y_vol = np.digitize(lv, np.quantile(mk["logvol"], [0.3, 0.7]))

    n_rows = idx.shape[0]
    n_train, n_val = int(n_rows * 0.7), int(n_rows * 0.15)
    tr = np.arange(0, n_train)
    va = np.arange(n_train, n_train + n_val)
    te = np.arange(n_train + n_val, n_rows)
    trva = np.arange(0, n_train + n_val)
    log(f"  {n} bars: {n_train} train, {n_val} validation, {te.size} test rows; 16 features, 24 cross-asset")

    # Sequence inputs: features scaled with the training rows' statistics, gaps as 0.
    mean = np.nanmean(X16[idx[tr]], axis=0)
    std = np.nanstd(X16[idx[tr]], axis=0)
    Z = np.nan_to_num((X16 - mean) / std).astype(np.float32)
    Zt = torch.from_numpy(Z)
    window = torch.arange(-SEQ_LEN + 1, 1)

    def sequences(bars: np.ndarray) -> torch.Tensor:
        return Zt[torch.from_numpy(bars)[:, None] + window]

    A16, A24 = X16[idx], X24[idx]
    S_all = sequences(idx)
    Yh = torch.from_numpy(y_heads.astype(np.float32))
    Y1 = Yh[:, :1].contiguous()

    w = Writer(out)
    latest = np.arange(n - 12, n)  # golden rows: the last 12 bars, the last one is "now"

    # ---- multi-horizon LSTM
    log("training the multi-horizon LSTM")
    lc = cfg["lstm"]
    train_rows = tr[-lc["max_train"] :]
    lstm = train_torch(
        MultiHorizonLSTM(16, lc["hidden"], lc["layers"], 12), S_all[train_rows], Yh[train_rows], epochs=lc["epochs"], seed=seed
    )
    p_val, p_test = torch_predict(lstm, S_all[va]), torch_predict(lstm, S_all[te])
    lstm_val = {h: auc(y_heads[va, i], p_val[:, i]) for i, h in enumerate(HEADS)}
    lstm_test = {h: auc(y_heads[te, i], p_test[:, i]) for i, h in enumerate(HEADS)}
    torch.save(lstm.state_dict(), w.path("lstm_1h.pt"))
    w.done("lstm_1h.pt")
    golden_x = sequences(latest[-cfg["golden_sequences"] :])
    export_onnx(lstm, golden_x, w.path("lstm_1h.onnx"))
    w.done("lstm_1h.onnx")
    with torch.no_grad():
        lstm_golden = lstm(golden_x).numpy()

    scaler = {"mean": floats(mean), "std": floats(std), "missing": "0 after scaling"}
    w.json(
        "lstm_1h_meta.json",
        {
            "best_head": "12h",
            "heads": HEADS,
            "seq_len": SEQ_LEN,
            "n_features": 16,
            "feature_names": FEATURES,
            "val_auc": SEED_MODELS["lstm"]["val_auc"],
            "val_head": "12h",
            "test_auc": SEED_MODELS["lstm"]["test_auc"],
            "test_head": "5h",
            "target_auc": SEED_MODELS["lstm"]["target_auc"],
            "onnx": {"torch_ms": 5.11, "onnx_ms": 1.53, "speedup": 3.3},
            "architecture": {"type": "lstm", "hidden": lc["hidden"], "layers": lc["layers"], "output": "probs", "activation": "sigmoid"},
            "input": {"name": "x", "shape": ["batch", SEQ_LEN, 16], "dtype": "float32", "scaler": scaler},
            "synthetic": {
                "note": "AUCs of this synthetic model; the fields above are the seed release's",
                "val_auc_by_head": lstm_val,
                "test_auc_by_head": lstm_test,
            },
        },
    )

    # ---- TFT
    log("training the TFT")
    tc = cfg["tft"]
    train_rows = tr[-tc["max_train"] :]
    torch.manual_seed(seed + 1)
    tft = train_torch(TinyTFT(16, tc["d"], tc["heads"]), S_all[train_rows], Y1[train_rows], epochs=tc["epochs"], seed=seed + 1)
    tft_val, tft_test = auc(y1[va], torch_predict(tft, S_all[va])[:, 0]), auc(y1[te], torch_predict(tft, S_all[te])[:, 0])
    torch.save(tft.state_dict(), w.path("tft_1h.pt"))
    w.done("tft_1h.pt")
    export_onnx(tft, golden_x, w.path("tft_1h.onnx"))
    w.done("tft_1h.onnx")
    with torch.no_grad():
        tft_golden = tft(golden_x).numpy()
    w.json(
        "tft_1h_meta.json",
        {
            "best_head": "1h",
            "heads": ["1h"],
            "seq_len": SEQ_LEN,
            "n_features": 16,
            "feature_names": FEATURES,
            "val_auc": SEED_MODELS["tft"]["val_auc"],
            "test_auc": SEED_MODELS["tft"]["test_auc"],
            "architecture": {"type": "tft", "d_model": tc["d"], "attention_heads": tc["heads"], "output": "probs", "activation": "sigmoid"},
            "input": {"name": "x", "shape": ["batch", SEQ_LEN, 16], "dtype": "float32", "scaler": scaler},
            "synthetic": {"note": "AUCs of this synthetic model; the fields above are the seed release's", "val_auc": tft_val, "test_auc": tft_test},
        },
    )

    # ---- stacking: out-of-fold base predictions, then a logistic meta-learner
    log("stacking: 5-fold out-of-fold base predictions")
    sl, st, sg, xc = cfg["stack_lstm"], cfg["stack_tft"], cfg["stack_lgb"], cfg["xgb"]

    def fit_bases(rows: np.ndarray, fold_seed: int):
        torch.manual_seed(fold_seed)
        # The sequence models see the most recent rows only when capped (seed scale: time).
        seq_lstm = rows[-sl["max_train"] :] if sl["max_train"] else rows
        seq_tft = rows[-st["max_train"] :] if st["max_train"] else rows
        small_lstm = train_torch(
            MultiHorizonLSTM(16, sl["hidden"], sl["layers"], 1), S_all[seq_lstm], Y1[seq_lstm], epochs=sl["epochs"], seed=fold_seed
        )
        small_tft = train_torch(TinyTFT(16, st["d"], st["heads"]), S_all[seq_tft], Y1[seq_tft], epochs=st["epochs"], seed=fold_seed + 7)
        return (
            hgb(sg, fold_seed).fit(A16[rows], y1[rows]),
            train_xgb(A16[rows], y1[rows], xc, fold_seed),
            small_lstm,
            small_tft,
            hgb(sg, fold_seed).fit(A24[rows], y1[rows]),
        )

    def predict_bases(models, rows_16: np.ndarray, rows_24: np.ndarray, seqs: torch.Tensor) -> np.ndarray:
        lgb_m, xgb_m, lstm_m, tft_m, cross_m = models
        return np.column_stack(
            [
                lgb_m.predict_proba(rows_16)[:, 1],
                xgb_predict(xgb_m, rows_16),
                torch_predict(lstm_m, seqs)[:, 0],
                torch_predict(tft_m, seqs)[:, 0],
                cross_m.predict_proba(rows_24)[:, 1],
            ]
        )

    folds = np.array_split(tr, 5)
    oof = np.zeros((tr.size, 5))
    for k, held in enumerate(folds):
        rest = np.setdiff1d(tr, held)
        models = fit_bases(rest, seed + 100 + k)
        oof[held] = predict_bases(models, A16[held], A24[held], S_all[held])
        log(f"  fold {k + 1}/5: {rest.size} train, {held.size} held out")
    meta = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(oof, y1[tr])

    log("stacking: final base models on all training rows")
    finals = fit_bases(tr, seed + 200)
    base_val = predict_bases(finals, A16[va], A24[va], S_all[va])
    base_test = predict_bases(finals, A16[te], A24[te], S_all[te])
    synthetic_stacking = {
        "oof_auc": auc(y1[tr], meta.predict_proba(oof)[:, 1]),
        "val_auc": auc(y1[va], meta.predict_proba(base_val)[:, 1]),
        "test_auc": auc(y1[te], meta.predict_proba(base_test)[:, 1]),
        "n_oof": int(tr.size),
    }
    synthetic_base = {key: {"oof_auc": auc(y1[tr], oof[:, i]), "oof_std": round(float(oof[:, i].std()), 4)} for i, key in enumerate(BASE_KEYS)}

    lgb_m, xgb_m, lstm_s, tft_s, cross_m = finals
    checks16 = [X16[latest], scatter_nans(A16[-4000:], seed)]
    checks24 = [X24[latest], scatter_nans(A24[-4000:], seed + 1)]
    data_note = f"samples/generate.py --seed {seed} --scale {scale} (scikit-learn HistGradientBoostingClassifier)"

    def write_lightgbm(name: str, model, X_train: np.ndarray, names: list[str], checks: list[np.ndarray]) -> None:
        w.text(name, hgb_to_lightgbm(model, X_train, names, seed=seed, data=data_note))
        verify_lightgbm_text(name, w.path(name), model, checks)

    write_lightgbm("stacking_lgb_1h.txt", lgb_m, A16[tr], FEATURES, checks16)
    xgb_m.save_model(w.path("stacking_xgb_1h.json"))
    w.done("stacking_xgb_1h.json")
    torch.save(lstm_s.state_dict(), w.path("stacking_lstm_1h.pt"))
    w.done("stacking_lstm_1h.pt")
    torch.save(tft_s.state_dict(), w.path("stacking_tft_1h.pt"))
    w.done("stacking_tft_1h.pt")
    write_lightgbm("stacking_lgb_cross_1h.txt", cross_m, A24[tr], CROSS_FEATURES, checks24)

    learner = pickle.dumps(meta, protocol=4)
    w.bytes("stacking_meta_1h.pkl", learner)
    w.bytes("stacking_meta.pkl", learner)  # the main period's alias, as in the seed
    stacking_meta = {
        "horizon": "1h",
        "base_models": STACKING_BASE,
        "meta_learner": {
            "type": "logistic",
            "coef": floats(meta.coef_[0]),
            "intercept": float(meta.intercept_[0]),
            "file": "stacking_meta_1h.pkl",
            "library": f"scikit-learn {sklearn.__version__}",
        },
        "metrics": SEED_STACKING_METRICS,
        "base_metrics": SEED_BASE_METRICS,
        "base_keys": BASE_KEYS,
        "features": {
            "stacking_lgb_1h.txt": FEATURES,
            "stacking_xgb_1h.json": FEATURES,
            "stacking_lstm_1h.pt": {"sequence": SEQ_LEN, "features": FEATURES, "output": "1h"},
            "stacking_tft_1h.pt": {"sequence": SEQ_LEN, "features": FEATURES, "output": "1h"},
            "stacking_lgb_cross_1h.txt": CROSS_FEATURES,
        },
        "folds": {"scheme": "contiguous k-fold over the training period", "n_splits": 5, "sizes": [int(f.size) for f in folds]},
        "regime_models": {"trend_regime_model.txt": TREND_CLASSES, "vol_regime_model.txt": VOL_CLASSES},
        "min_oof_samples": 10000,
        "synthetic": {
            "note": "metrics of this synthetic release; metrics and base_metrics above are the seed release's",
            "metrics": synthetic_stacking,
            "base_metrics": synthetic_base,
        },
    }
    w.json("stacking_meta_1h.json", stacking_meta)
    w.json("stacking_meta.json", stacking_meta)

    # ---- the other tree models, trained on training + validation rows
    log("direction, cross-asset and regime models")
    direction = hgb(cfg["direction_lgb"], seed + 300).fit(A16[trva], y1[trva])
    write_lightgbm("lgb_direction_model_1h.txt", direction, A16[trva], FEATURES, checks16)
    cross_asset = hgb(cfg["direction_lgb"], seed + 301).fit(A24[trva], y1[trva])
    write_lightgbm("lgb_cross_asset_1h.txt", cross_asset, A24[trva], CROSS_FEATURES, checks24)
    vol_model = hgb(cfg["regime_lgb"], seed + 302).fit(A16[trva], y_vol[trva])
    write_lightgbm("vol_regime_model.txt", vol_model, A16[trva], FEATURES, checks16)
    trend_model = hgb(cfg["regime_lgb"], seed + 303).fit(A16[trva], y_trend[trva])
    write_lightgbm("trend_regime_model.txt", trend_model, A16[trva], FEATURES, checks16)

    w.json(
        "metrics.json",
        {"horizons": SEED_HORIZONS, "base": SEED_BASE_METRICS, "models": SEED_MODELS},
    )

    # ---- golden vectors
    golden_rows16 = X16[latest].copy()
    golden_rows24 = X24[latest].copy()
    # Beyond the feeds' own gaps: a missing value in a feature that never had one in
    # training, so the "no NaN seen" default direction is exercised too.
    golden_rows16[3, FEATURES.index("ret_4")] = np.nan
    golden_rows16[8, FEATURES.index("rsi_14")] = np.nan
    golden_rows24[5, CROSS_FEATURES.index("corr_48")] = np.nan
    for rows in (golden_rows16, golden_rows24):
        rows[1, FEATURES.index("volume_z_48")] = np.nan

    def binary_entry(model, rows):
        return {"rows": tree_rows(rows), "outputs": [[float(p)] for p in model.predict_proba(rows)[:, 1]]}

    def multiclass_entry(model, rows):
        return {"rows": tree_rows(rows), "outputs": [floats(p) for p in model.predict_proba(rows)]}

    for name, model, rows in [
        ("stacking_lgb_1h.txt", lgb_m, golden_rows16),
        ("stacking_lgb_cross_1h.txt", cross_m, golden_rows24),
        ("lgb_direction_model_1h.txt", direction, golden_rows16),
        ("lgb_cross_asset_1h.txt", cross_asset, golden_rows24),
        ("vol_regime_model.txt", vol_model, golden_rows16),
        ("trend_regime_model.txt", trend_model, golden_rows16),
    ]:
        verify_lightgbm_text(name, w.path(name), model, [rows])

    stack_bars = latest[-8:]
    base_outputs = predict_bases(finals, X16[stack_bars], X24[stack_bars], sequences(stack_bars))
    stack_prob = meta.predict_proba(base_outputs)[:, 1]
    bull_prob = round(float(stack_prob[-1]), 3)
    regime = TREND_CLASSES[int(np.argmax(trend_model.predict_proba(X16[latest[-1:]])[0]))]
    direction_label = "bullish" if bull_prob > 0.55 else "bearish" if bull_prob < 0.45 else "neutral"
    golden = {
        "schema": "modelgate/golden@1",
        "tolerance": {"atol": 1e-5, "rtol": 1e-4},
        "models": {
            "lstm_1h.onnx": onnx_entry(golden_x, lstm_golden),
            "tft_1h.onnx": onnx_entry(golden_x, tft_golden),
            "stacking_lgb_1h.txt": binary_entry(lgb_m, golden_rows16),
            "stacking_xgb_1h.json": {
                "rows": tree_rows(golden_rows16),
                "outputs": [[float(p)] for p in xgb_predict(xgb_m, golden_rows16)],
            },
            "stacking_lgb_cross_1h.txt": binary_entry(cross_m, golden_rows24),
            "lgb_direction_model_1h.txt": binary_entry(direction, golden_rows16),
            "lgb_cross_asset_1h.txt": binary_entry(cross_asset, golden_rows24),
            "vol_regime_model.txt": multiclass_entry(vol_model, golden_rows16),
            "trend_regime_model.txt": multiclass_entry(trend_model, golden_rows16),
        },
        "stacking": {"base_outputs": [floats(r) for r in base_outputs], "outputs": floats(stack_prob)},
        "inference": {"bull_prob": bull_prob, "regime": regime, "direction": direction_label},
    }
    # The meta JSON's coefficients must reproduce the learner's probabilities.
    z = meta.intercept_[0] + base_outputs @ meta.coef_[0]
    assert np.abs(1 / (1 + np.exp(-z)) - stack_prob).max() < 1e-12
    w.json("golden.json", golden, compact=True)

    extra = sorted(set(os.listdir(out)) - set(RELEASE_FILES))
    if sorted(w.written) != sorted(RELEASE_FILES):
        raise AssertionError(f"wrote {sorted(w.written)}, expected {sorted(RELEASE_FILES)}")
    for message in check_release(out):
        log("  check " + message)
    total = sum(os.path.getsize(w.path(f)) for f in RELEASE_FILES)
    log(f"done: 21 files, {total:,} bytes, in {time.time() - started:.0f}s; inference {golden['inference']}")
    log(f"synthetic stacking metrics {synthetic_stacking}")
    if extra:
        log(f"warning: {out} also holds files that are not part of the release: {', '.join(extra)}")
    for name in sorted(RELEASE_FILES):
        with open(w.path(name), "rb") as fh:
            log(f"{hashlib.sha256(fh.read()).hexdigest()}  {name}")


def scatter_nans(X: np.ndarray, seed: int) -> np.ndarray:
    """Rows with extra missing values in every feature, for the LightGBM-text consistency check."""
    rng = np.random.default_rng(seed)
    X = X.copy()
    X[rng.random(X.shape) < 0.1] = np.nan
    return X


def onnx_entry(x: torch.Tensor, probs: np.ndarray) -> dict:
    return {
        "inputs": {"x": {"dims": list(x.shape), "data": floats(x.numpy())}},
        "outputs": {"probs": {"dims": list(probs.shape), "data": floats(probs)}},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--scale", choices=sorted(SCALES), default="sample", help="sample (~2 MB, committed) or seed (~26 MB)")
    parser.add_argument("--out", help="output directory (default samples/release, or samples/seed for --scale seed)")
    args = parser.parse_args()
    out = args.out or os.path.join(HERE, "release" if args.scale == "sample" else "seed")
    generate(args.seed, args.scale, out)


if __name__ == "__main__":
    main()
