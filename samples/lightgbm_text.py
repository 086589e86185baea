"""Writes a fitted scikit-learn HistGradientBoostingClassifier as a LightGBM v4 text model.

Debian ships no LightGBM, so the sample release's LightGBM files are grown by scikit-learn
and written in the byte layout LightGBM 4.x itself writes (GBDT::SaveModelToString,
Tree::ToString, then the Python package's `pandas_categorical` trailer), so that
`lightgbm.Booster(model_file=...)` loads them and predicts what scikit-learn predicts.

Why the mapping is exact:
- scikit-learn sends a row left when `x <= num_threshold` (float64) and a NaN to the side
  named by `missing_go_to_left`; LightGBM's numeric split with missing type NaN (decision
  type bits 2-3 = 2) and the default-left bit (bit 1) does the same.
- scikit-learn's leaf values already include the learning rate; its raw score is
  `baseline + sum(leaves)`. LightGBM's is `sum(leaves)`, so the baseline goes into the
  leaves of each class's first tree, as LightGBM's own boost_from_average does (AddBias,
  which also sets that tree's shrinkage to 1). Float addition is commutative, so
  `leaf + baseline` is bit-for-bit `baseline + leaf` and the raw scores agree exactly.
- A "split on NaN" (all values left, NaN right) has threshold +inf in scikit-learn;
  LightGBM never writes inf, so it becomes DBL_MAX, which sends every finite value left.
"""

from __future__ import annotations

import sys

import numpy as np
from scipy.special import expit, softmax

# The parameter section of a model saved by LightGBM 4.x's Python package, in its order.
# Values in {braces} are filled from the scikit-learn estimator; the rest are LightGBM's
# defaults, which the trees here were grown compatibly with (or which do not apply).
_PARAMETERS = """\
boosting: gbdt
objective: {objective}
metric: {metric}
tree_learner: serial
device_type: cpu
data_sample_strategy: bagging
data: {data}
valid: 
num_iterations: {num_iterations}
learning_rate: {learning_rate}
num_leaves: {num_leaves}
num_threads: 1
seed: {seed}
deterministic: 1
force_col_wise: 0
force_row_wise: 0
histogram_pool_size: -1
max_depth: {max_depth}
min_data_in_leaf: {min_data_in_leaf}
min_sum_hessian_in_leaf: 0.001
bagging_fraction: 1
pos_bagging_fraction: 1
neg_bagging_fraction: 1
bagging_freq: 0
bagging_seed: {bagging_seed}
bagging_by_query: 0
feature_fraction: 1
feature_fraction_bynode: 1
feature_fraction_seed: {feature_fraction_seed}
extra_trees: 0
extra_seed: {extra_seed}
early_stopping_round: 0
early_stopping_min_delta: 0
first_metric_only: 0
max_delta_step: 0
lambda_l1: 0
lambda_l2: {lambda_l2}
linear_lambda: 0
min_gain_to_split: 0
drop_rate: 0.1
max_drop: 50
skip_drop: 0.5
xgboost_dart_mode: 0
uniform_drop: 0
drop_seed: {drop_seed}
top_rate: 0.2
other_rate: 0.1
min_data_per_group: 100
max_cat_threshold: 32
cat_l2: 10
cat_smooth: 10
max_cat_to_onehot: 4
top_k: 20
monotone_constraints: 
monotone_constraints_method: basic
monotone_penalty: 0
feature_contri: 
forcedsplits_filename: 
refit_decay_rate: 0.9
cegb_tradeoff: 1
cegb_penalty_split: 0
cegb_penalty_feature_lazy: 
cegb_penalty_feature_coupled: 
path_smooth: 0
interaction_constraints: 
verbosity: -1
saved_feature_importance_type: 0
use_quantized_grad: 0
num_grad_quant_bins: 4
quant_train_renew_leaf: 0
stochastic_rounding: 1
linear_tree: 0
max_bin: {max_bin}
max_bin_by_feature: 
min_data_in_bin: 3
bin_construct_sample_cnt: 200000
data_random_seed: {data_random_seed}
is_enable_sparse: 1
enable_bundle: 1
use_missing: 1
zero_as_missing: 0
feature_pre_filter: 1
pre_partition: 0
two_round: 0
header: 0
label_column: 
weight_column: 
group_column: 
ignore_column: 
categorical_feature: 
forcedbins_filename: 
precise_float_parser: 0
parser_config_file: 
objective_seed: {objective_seed}
num_class: {num_class}
is_unbalance: 0
scale_pos_weight: 1
sigmoid: 1
boost_from_average: 1
reg_sqrt: 0
alpha: 0.9
fair_c: 1
poisson_max_delta_step: 0.7
tweedie_variance_power: 1.5
lambdarank_truncation_level: 30
lambdarank_norm: 1
label_gain: 
lambdarank_position_bias_regularization: 0
eval_at: 
multi_error_top_k: 1
auc_mu_weights: 
num_machines: 1
local_listen_port: 12400
time_out: 120
machine_list_filename: 
machines: 
gpu_platform_id: -1
gpu_device_id: -1
gpu_device_id_list: 
gpu_use_dp: 0
num_gpu: 1
"""

DBL_MAX = sys.float_info.max


def g17(x: float) -> str:
    """LightGBM's high-precision numbers (fmt `{:.17g}`): thresholds, leaf values and weights."""
    return "%.17g" % x


def g6(x: float) -> str:
    """LightGBM's other numbers (fmt `{:g}`): gains, internal values and weights, shrinkage."""
    return "%g" % x


def derived_seeds(seed: int) -> dict[str, int]:
    """The seeds LightGBM derives from `seed` (its Random LCG, NextShort(0, 32767)), in its order."""
    x = seed & 0xFFFFFFFF
    values = []
    for _ in range(6):
        x = (214013 * x + 2531011) & 0xFFFFFFFF
        values.append(((x >> 16) & 0x7FFF) % 32767)
    names = ["data_random_seed", "bagging_seed", "drop_seed", "feature_fraction_seed", "objective_seed", "extra_seed"]
    return dict(zip(names, values))


def feature_infos(X: np.ndarray) -> list[str]:
    """`[min:max]` over the non-missing training values, as BinMapper::bin_info_string prints them."""
    infos = []
    for j in range(X.shape[1]):
        col = X[:, j]
        col = col[~np.isnan(col)]
        if col.size == 0 or col.min() == col.max():
            infos.append("none")
        else:
            infos.append("[%s:%s]" % (g17(col.min()), g17(col.max())))
    return infos


def _route(nodes: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Node id of the leaf each row of X reaches, following scikit-learn's own rule."""
    at = np.zeros(X.shape[0], dtype=np.int64)
    while True:
        inner = ~nodes["is_leaf"][at].astype(bool)
        if not inner.any():
            return at
        rows = np.nonzero(inner)[0]
        nd = nodes[at[rows]]
        x = X[rows, nd["feature_idx"]]
        go_left = np.where(np.isnan(x), nd["missing_go_to_left"].astype(bool), x <= nd["num_threshold"])
        at[rows] = np.where(go_left, nd["left"], nd["right"]).astype(np.int64)


def _hessians(model, X: np.ndarray):
    """Per iteration, the hessians each tree was grown on (from the raw scores before it)."""
    base = np.asarray(model._baseline_prediction, dtype=np.float64).reshape(1, -1)
    raw = np.zeros((X.shape[0], base.shape[1])) + base
    yield _hessian_of(raw)
    for staged in model._staged_raw_predict(X):
        yield _hessian_of(np.asarray(staged))


def _hessian_of(raw: np.ndarray) -> np.ndarray:
    if raw.shape[1] == 1:
        p = expit(raw)
        return p * (1.0 - p)
    p = softmax(raw, axis=1)
    return p * (1.0 - p)


def _convert_tree(nodes: np.ndarray, X: np.ndarray, hess: np.ndarray, bias: float) -> tuple[dict, list[int]]:
    """One scikit-learn predictor tree as LightGBM's arrays (internal nodes and leaves in DFS order)."""
    internal: list[int] = []
    leaves: list[int] = []
    left: dict[int, int] = {}
    right: dict[int, int] = {}

    def visit(i: int) -> int:
        n = nodes[i]
        if n["is_leaf"]:
            leaves.append(i)
            return ~(len(leaves) - 1)
        if n["is_categorical"]:
            raise ValueError("categorical splits are not written by this converter")
        me = len(internal)
        internal.append(i)
        left[me] = visit(int(n["left"]))
        right[me] = visit(int(n["right"]))
        return me

    visit(0)
    if len(leaves) < 2:
        raise ValueError("a tree with a single leaf: LightGBM writes those differently; grow more data or fewer trees")

    reached = _route(nodes, X)
    leaf_of_node = {node: k for k, node in enumerate(leaves)}
    leaf_idx = np.array([leaf_of_node[int(n)] for n in reached], dtype=np.int64)
    leaf_count = np.bincount(leaf_idx, minlength=len(leaves))
    leaf_weight = np.bincount(leaf_idx, weights=hess, minlength=len(leaves))
    # The counts scikit-learn recorded while growing must match routing the same data here.
    expected = np.array([int(nodes[n]["count"]) for n in leaves])
    if not np.array_equal(leaf_count, expected):
        raise AssertionError("routing the training rows does not reproduce scikit-learn's leaf counts")

    leaf_value = [float(nodes[n]["value"]) + bias for n in leaves]

    # Subtree sums for the internal nodes, children before parents.
    sub_count: dict[int, float] = {}
    sub_weight: dict[int, float] = {}
    sub_wvalue: dict[int, float] = {}

    def child_sums(c: int) -> tuple[float, float, float]:
        if c < 0:
            k = ~c
            return float(leaf_count[k]), float(leaf_weight[k]), float(leaf_weight[k]) * leaf_value[k]
        return sub_count[c], sub_weight[c], sub_wvalue[c]

    for me in reversed(range(len(internal))):
        a, b = child_sums(left[me]), child_sums(right[me])
        sub_count[me], sub_weight[me], sub_wvalue[me] = a[0] + b[0], a[1] + b[1], a[2] + b[2]

    split_feature, split_gain, threshold, decision_type = [], [], [], []
    internal_value, internal_weight, internal_count = [], [], []
    for me, i in enumerate(internal):
        n = nodes[i]
        split_feature.append(int(n["feature_idx"]))
        split_gain.append(float(np.float32(n["gain"])))
        t = float(n["num_threshold"])
        threshold.append(DBL_MAX if t == np.inf else t)
        decision_type.append(8 | (2 if n["missing_go_to_left"] else 0))
        w = sub_weight[me]
        internal_value.append(sub_wvalue[me] / w if w > 0 else 0.0)
        internal_weight.append(w)
        internal_count.append(int(sub_count[me]))

    tree = {
        "num_leaves": len(leaves),
        "split_feature": split_feature,
        "split_gain": split_gain,
        "threshold": threshold,
        "decision_type": decision_type,
        "left_child": [left[k] for k in range(len(internal))],
        "right_child": [right[k] for k in range(len(internal))],
        "leaf_value": leaf_value,
        "leaf_weight": [float(w) for w in leaf_weight],
        "leaf_count": [int(c) for c in leaf_count],
        "internal_value": internal_value,
        "internal_weight": internal_weight,
        "internal_count": internal_count,
    }
    return tree, split_feature


def tree_block(index: int, tree: dict, shrinkage: float) -> str:
    """`Tree=i` plus Tree::ToString() plus the newline GBDT adds: the unit `tree_sizes` counts."""
    j = " ".join
    lines = [
        "Tree=%d" % index,
        "num_leaves=%d" % tree["num_leaves"],
        "num_cat=0",
        "split_feature=" + j(str(v) for v in tree["split_feature"]),
        "split_gain=" + j(g6(v) for v in tree["split_gain"]),
        "threshold=" + j(g17(v) for v in tree["threshold"]),
        "decision_type=" + j(str(v) for v in tree["decision_type"]),
        "left_child=" + j(str(v) for v in tree["left_child"]),
        "right_child=" + j(str(v) for v in tree["right_child"]),
        "leaf_value=" + j(g17(v) for v in tree["leaf_value"]),
        "leaf_weight=" + j(g17(v) for v in tree["leaf_weight"]),
        "leaf_count=" + j(str(v) for v in tree["leaf_count"]),
        "internal_value=" + j(g6(v) for v in tree["internal_value"]),
        "internal_weight=" + j(g6(v) for v in tree["internal_weight"]),
        "internal_count=" + j(str(v) for v in tree["internal_count"]),
        "is_linear=0",
        "shrinkage=" + g6(shrinkage),
    ]
    return "\n".join(lines) + "\n\n\n"


def model_text(
    *,
    num_class: int,
    objective: str,
    feature_names: list[str],
    infos: list[str],
    blocks: list[str],
    importances: list[int],
    parameters: dict[str, object],
) -> str:
    """The whole file, in GBDT::SaveModelToString's order, plus the Python package's trailer."""
    n_features = len(feature_names)
    if any((" " in f or not f) for f in feature_names):
        raise ValueError("LightGBM feature names are space-separated: no spaces, none empty")
    out = [
        "tree\n",
        "version=v4\n",
        "num_class=%d\n" % num_class,
        "num_tree_per_iteration=%d\n" % num_class,
        "label_index=0\n",
        "max_feature_idx=%d\n" % (n_features - 1),
        "objective=%s\n" % objective,
        "feature_names=%s\n" % " ".join(feature_names),
        "feature_infos=%s\n" % " ".join(infos),
        "tree_sizes=%s\n" % " ".join(str(len(b.encode("utf-8"))) for b in blocks),
        "\n",
    ]
    out.extend(blocks)
    out.append("end of trees\n")
    out.append("\nfeature_importances:\n")
    # Split counts, largest first; ties keep feature order (LightGBM's stable_sort).
    ranked = sorted(((c, i) for i, c in enumerate(importances) if c > 0), key=lambda p: -p[0])
    out.extend("%s=%d\n" % (feature_names[i], c) for c, i in ranked)
    out.append("\nparameters:\n")
    out.extend("[%s]\n" % line for line in _PARAMETERS.format(**parameters).splitlines())
    out.append("\nend of parameters\n")
    out.append("\npandas_categorical:null\n")
    return "".join(out)


def hgb_to_lightgbm(model, X_train: np.ndarray, feature_names: list[str], *, seed: int, data: str) -> str:
    """LightGBM v4 text for a fitted HistGradientBoostingClassifier (binary or multiclass)."""
    if model.do_early_stopping_:
        raise ValueError("fit with early_stopping=False: the leaf counts must cover all training rows")
    if getattr(model, "is_categorical_", None) is not None and np.any(model.is_categorical_):
        raise ValueError("categorical features are not supported by this converter")
    X_train = np.asarray(X_train, dtype=np.float64)
    n_classes = len(model.classes_)
    per_iter = model.n_trees_per_iteration_
    base = np.asarray(model._baseline_prediction, dtype=np.float64).reshape(-1)
    lr = float(model.learning_rate)

    blocks: list[str] = []
    importances = [0] * len(feature_names)
    for it, (predictors, hess) in enumerate(zip(model._predictors, _hessians(model, X_train))):
        for k, predictor in enumerate(predictors):
            first = it == 0
            tree, used = _convert_tree(predictor.nodes, X_train, hess[:, k], base[k] if first else 0.0)
            for f in used:
                importances[f] += 1
            blocks.append(tree_block(len(blocks), tree, 1.0 if first else lr))

    if n_classes == 2:
        objective, metric, obj_name, num_class = "binary sigmoid:1", "binary_logloss", "binary", 1
    else:
        objective, metric, obj_name = "multiclass num_class:%d" % n_classes, "multi_logloss", "multiclass"
        num_class = n_classes
    assert per_iter == num_class
    max_depth = model.max_depth if model.max_depth is not None else -1
    parameters = {
        "objective": obj_name,
        "metric": metric,
        "data": data,
        "num_iterations": model.n_iter_,
        "learning_rate": g6(lr),
        "num_leaves": model.max_leaf_nodes,
        "seed": seed,
        "max_depth": max_depth,
        "min_data_in_leaf": model.min_samples_leaf,
        "lambda_l2": g6(float(model.l2_regularization)),
        "max_bin": model.max_bins,
        "num_class": num_class,
        **derived_seeds(seed),
    }
    return model_text(
        num_class=num_class,
        objective=objective,
        feature_names=feature_names,
        infos=feature_infos(X_train),
        blocks=blocks,
        importances=importances,
        parameters=parameters,
    )
