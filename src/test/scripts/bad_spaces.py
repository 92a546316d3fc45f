#!/usr/bin/env python3
"""Writes the bad-input corpus: src/test/resources/bad-spaces/NAME.json, one bad space file each,
and INDEX.tsv (name, the JSON path the error must name, what is wrong).

The NAME.expect files beside them hold the exact line the CLI prints after "FILE: "; they were
recorded from the CLI once and read case by case against INDEX.tsv, so edit them by hand when a
message improves. A line ending in "..." is matched as a start: for messages that list what the
classpath holds, such as the trainable types. BadInputCorpusTest fails for a .json without a .expect.

Run from the project root: python3 src/test/scripts/bad_spaces.py
"""
import json
import os
import sys

OUT = "src/test/resources/bad-spaces"
NOISY = {"type": "function", "function": "noisy"}
BRANIN = {"type": "function", "function": "branin"}
VALID = {
    "name": "quickstart",
    "metric": "loss",
    "mode": "min",
    "params": {"x0": "uniform[-5:10]", "x1": {"uniform": [0, 15]}},
    "trainable": {"type": "function", "function": "branin", "steps": 5, "stepSeconds": 0.02},
    "searcher": {"type": "random", "seed": 7},
    "budget": {"maxTrials": 40},
}
VALID_TEXT = json.dumps(VALID, indent=2)
cases = []


def raw(name, text, path, why):
    cases.append((name, text, path, why))


def spec(name, doc, path, why):
    raw(name, json.dumps(doc, indent=2), path, why)


def with_(base, **changes):
    doc = json.loads(json.dumps(base))
    for key, value in changes.items():
        if value is DROP:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


DROP = object()


def noisy_param(name, value, path, why, extra=None):
    """A space whose parameter x is bad; other parameters in extra."""
    params = {"x": value}
    params.update(extra or {})
    spec(name, {"params": params, "trainable": NOISY}, path, why)


# --- JSON syntax: the path is the line and column where parsing stopped --------------------------
for cut in (1, 2, 12, 30, 57, 90, 120, 150, 200, 240, len(VALID_TEXT) - 2, len(VALID_TEXT) - 1):
    raw("syntax-truncated-at-%d" % cut, VALID_TEXT[:cut], "line", "quickstart.json cut after %d characters" % cut)
syntax = {
    "missing-comma": '{"params": {"x": "[1,2]"} "trainable": {"type": "function", "function": "noisy"}}',
    "trailing-comma-object": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"},}',
    "trailing-comma-array": '{"params": {"x": [1, 2,]}, "trainable": {"type": "function", "function": "noisy"}}',
    "single-quotes": "{'params': {'x': '[1,2]'}, 'trainable': {'type': 'function', 'function': 'noisy'}}",
    "unquoted-keys": '{params: {x: "[1,2]"}, trainable: {type: "function", function: "noisy"}}',
    "line-comment": '{\n// the space\n"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}}',
    "block-comment": '{"params": {"x": "[1,2]" /* two */}, "trainable": {"type": "function", "function": "noisy"}}',
    "nan-literal": '{"params": {"x": NaN}, "trainable": {"type": "function", "function": "noisy"}}',
    "infinity-literal": '{"params": {"x": {"uniform": [0, Infinity]}}, "trainable": {"type": "function", "function": "noisy"}}',
    "minus-infinity-literal": '{"params": {"x": {"uniform": [-Infinity, 0]}}, "trainable": {"type": "function", "function": "noisy"}}',
    "leading-zero": '{"params": {"x": 01}, "trainable": {"type": "function", "function": "noisy"}}',
    "hex-number": '{"params": {"x": 0x10}, "trainable": {"type": "function", "function": "noisy"}}',
    "plus-sign-number": '{"params": {"x": +1}, "trainable": {"type": "function", "function": "noisy"}}',
    "dot-number": '{"params": {"x": .5}, "trainable": {"type": "function", "function": "noisy"}}',
    "unterminated-string": '{"params": {"x": "[1,2]}, "trainable": {"type": "function", "function": "noisy"}}',
    "raw-newline-in-string": '{"params": {"x": "[1,\n2]"}, "trainable": {"type": "function", "function": "noisy"}}',
    "bad-escape": '{"params": {"x": "\\q"}, "trainable": {"type": "function", "function": "noisy"}}',
    "two-objects": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}}\n{"params": {}}',
    "trailing-garbage": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}} end',
    "extra-closing-brace": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}}}',
    "missing-closing-brace": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}',
    "bare-word": 'params',
    "lone-closing-brace": '}',
    "colon-for-comma": '{"params": {"x": "[1,2]"}: "trainable"}',
    "python-true": '{"params": {"x": True}, "trainable": {"type": "function", "function": "noisy"}}',
    "yaml": 'params:\n  x: "[1,2]"\ntrainable:\n  type: function\n',
    "nesting-too-deep": '{"params": ' + '[' * 1001 + ']' * 1001 + '}',
    "number-too-long": '{"params": {"x": 1' + '0' * 1200 + '}, "trainable": {"type": "function", "function": "noisy"}}',
    "duplicate-top-level-key": '{"params": {"x": "[1,2]"}, "params": {"y": 1}, "trainable": {"type": "function", "function": "noisy"}}',
    "duplicate-parameter": '{"params": {"x": "[1,2]", "x": "[3,4]"}, "trainable": {"type": "function", "function": "noisy"}}',
    "duplicate-trainable-key": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy", "function": "branin"}}',
    "duplicate-budget-key": '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}, "budget": {"maxTrials": 2, "maxTrials": 3}}',
    "duplicate-conditional-parameter": '{"params": {"x": 1, "opt": {"choice": [{"value": "sgd", "params": {"m": 0.9, "m": 0.5}}]}}, "trainable": {"type": "function", "function": "noisy"}}',
}
for name, text in syntax.items():
    raw("syntax-" + name, text, "line", name.replace("-", " "))

# --- the whole file: the path is $ ----------------------------------------------------------------
for name, text in {"empty": "", "whitespace-only": "  \n\t\n", "array": '[{"params": {"x": 1}}]', "string": '"params"',
                   "number": "42", "true": "true", "null": "null"}.items():
    raw("root-" + name, text, "$", "top level is " + name.replace("-", " "))

# --- top-level keys -------------------------------------------------------------------------------
BASE = {"params": {"x": "[1,2]"}, "trainable": NOISY}
for key in ("param", "Params", "budjet", "seed", "searchers", "parameters", "trials"):
    spec("top-unknown-key-" + key.lower(), with_(BASE, **{key: 1}), key, "unknown top-level key " + key)
spec("top-missing-params", with_(BASE, params=DROP), "params", "no params")
spec("top-missing-trainable", with_(BASE, trainable=DROP), "trainable", "no trainable")
for label, value in (("null", None), ("array", [1, 2]), ("string", "x=[1,2]"), ("number", 3), ("empty", {})):
    spec("top-params-" + label, with_(BASE, params=value), "params", "params is " + label)
for key in ("name", "metric", "mode"):
    for label, value in (("number", 1), ("empty", ""), ("blank", "  "), ("null", None), ("array", ["a"])):
        spec("top-%s-%s" % (key, label), with_(BASE, **{key: value}), key, key + " is " + label)
for mode in ("maximize", "MIN", "minimum"):
    spec("top-mode-" + mode.lower(), with_(BASE, mode=mode), "mode", "mode " + mode)

# --- parameter objects ------------------------------------------------------------------------------
domain_cases = {
    "uniform": [("inverted", [2, 1]), ("empty", [1, 1]), ("one-bound", [1]), ("three-bounds", [1, 2, 3]),
                ("number", 5), ("string", "0:1"), ("object", {"low": 0}), ("string-bound", ["0", 1], "[0]"),
                ("null-bound", [None, 1], "[0]"), ("bool-bound", [True, 2], "[0]"), ("too-wide", [-1.7e308, 1.7e308])],
    "loguniform": [("zero-low", [0, 1]), ("negative-low", [-1, 1]), ("inverted", [1, 0.5]), ("empty", [1, 1]),
                   ("one-bound", [1e-4]), ("string", "1e-4:1")],
    "quniform": [("two-numbers", [0, 1]), ("zero-q", [0, 1, 0]), ("negative-q", [0, 1, -0.1]),
                 ("inverted", [1, 0, 0.1]), ("string-q", [0, 1, "0.1"], "[2]")],
    "randint": [("fraction", [1.5, 3], "[0]"), ("inverted", [3, 1]), ("one-bound", [1]), ("string-bound", ["1", 2], "[0]"),
                ("exponent-bound", [0, 1e3], "[1]"), ("three-bounds", [1, 2, 3])],
    "lograndint": [("zero-low", [0, 10]), ("negative-low", [-5, 10]), ("inverted", [10, 1]), ("fraction", [1.0, 10], "[0]")],
    "normal": [("zero-sigma", [0, 0]), ("negative-sigma", [0, -1]), ("one-number", [0]), ("three-numbers", [0, 1, 2]),
               ("string-mu", ["0", 1], "[0]")],
}
for domain, items in domain_cases.items():
    for label, args, *element in items:
        noisy_param("param-%s-%s" % (domain, label), {domain: args}, "params.x." + domain + "".join(element),
                    "%s %s" % (domain, label))
raw("param-uniform-huge-bound", '{"params": {"x": {"uniform": [0, 1e400]}}, "trainable": {"type": "function", "function": "noisy"}}',
    "params.x.uniform", "uniform bound beyond a double")
raw("param-randint-huge-bound", '{"params": {"x": {"randint": [0, 99999999999999999999]}}, "trainable": {"type": "function", "function": "noisy"}}',
    "params.x.randint[1]", "randint bound beyond a long")
raw("param-fixed-huge", '{"params": {"x": 1e400}, "trainable": {"type": "function", "function": "noisy"}}',
    "params.x", "fixed value beyond a double")
raw("param-list-huge", '{"params": {"x": [1, 1e400]}, "trainable": {"type": "function", "function": "noisy"}}',
    "params.x[1]", "list value beyond a double")
for label, value in (("unifrom", {"unifrom": [0, 1]}), ("log-uniform", {"log-uniform": [1e-4, 1]}),
                     ("range", {"range": [0, 1]}), ("two-keys", {"uniform": [0, 1], "q": 0.1}), ("empty-object", {})):
    path = "params.x" if label in ("two-keys", "empty-object") else "params.x"
    noisy_param("param-domain-" + label, value, path, "domain object " + label)
for label, value in (("null", None), ("nested-array", [[1, 2]]), ("empty-array", []), ("duplicate-in-array", [1, 1]),
                     ("object-in-array", [{"a": 1}])):
    path = {"nested-array": "params.x[0]", "duplicate-in-array": "params.x[1]", "object-in-array": "params.x[0]"}.get(label, "params.x")
    noisy_param("param-value-" + label, value, path, "parameter value " + label)
for label, name in (("digit-first", "1x"), ("empty", ""), ("space", "a b"), ("slash", "x/../y"), ("dollar", "$x"),
                    ("dash-first", "-x"), ("dot-first", ".x"), ("semicolon", "x;rm -rf"), ("non-ascii", "\u00fcber")):
    spec("param-name-" + label, {"params": {"x": 1, name: 2}, "trainable": NOISY}, "params." + name, "parameter name " + repr(name))

# choice and grid
choice_cases = [
    ("empty", [], "params.x.choice"),
    ("duplicate-number", [1, 1], "params.x.choice[1]"),
    ("duplicate-string", ["adam", "adam"], "params.x.choice[1]"),
    ("null-option", [None], "params.x.choice[0]"),
    ("array-option", [[1]], "params.x.choice[0]"),
    ("unknown-key-in-option", [{"value": "sgd", "momentum": 0.9}], "params.x.choice[0].momentum"),
    ("option-without-value", [{"params": {"m": 1}}], "params.x.choice[0]"),
    ("option-null-value", [{"value": None}], "params.x.choice[0].value"),
    ("option-array-value", [{"value": [1]}], "params.x.choice[0].value"),
    ("option-params-array", [{"value": "sgd", "params": [1]}], "params.x.choice[0].params"),
    ("option-bad-sub-parameter", [{"value": "sgd", "params": {"m": {"uniform": [1, 0]}}}], "params.x.choice[0].params.m.uniform"),
    ("option-duplicate-value", ["sgd", {"value": "sgd", "params": {"m": 1}}], "params.x.choice[1]"),
]
for label, options, path in choice_cases:
    noisy_param("choice-" + label, {"choice": options}, path, "choice " + label)
noisy_param("choice-not-array", {"choice": "adam,sgd"}, "params.x.choice", "choice is a string")
spec("choice-repeats-outer-parameter",
     {"params": {"x": 1, "opt": {"choice": ["adam", {"value": "sgd", "params": {"x": 2}}]}}, "trainable": NOISY},
     "params.opt.choice[1].params.x", "conditional parameter repeats an outer one")
spec("choice-repeats-grandparent",
     {"params": {"x": 1, "m": 0, "opt": {"choice": [{"value": "sgd", "params": {"k": {"choice": [{"value": 1, "params": {"m": 2}}]}}}]}},
      "trainable": NOISY},
     "params.opt.choice[0].params.k.choice[0].params.m", "nested conditional repeats a top-level parameter")
for label, values, path in (("empty", [], "params.x.grid"), ("duplicate", [1, 1], "params.x.grid[1]"),
                            ("string", "1,2", "params.x.grid"), ("nested", [[1]], "params.x.grid[0]"),
                            ("null", [None], "params.x.grid[0]"), ("object", [{}], "params.x.grid[0]")):
    noisy_param("grid-" + label, {"grid": values}, path, "grid " + label)

# --- shorthand strings ------------------------------------------------------------------------------
shorthand = {
    "list": ["[]", "[ ]", "[1,,2]", "[,]", "[1,1]", "[a, a]", "['a','a']", "[1e400]"],
    "comma-list": ["1,", ",1", "1,1", "a,,b"],
    "linspace": ["linspace[0:1]", "linspace[0:1:0]", "linspace[0:1:2.5]", "linspace[0:1:-3]", "linspace[a:1:3]",
                 "linspace[0:1:3:4]", "linspace[]", "linspace[0:1:10000001]", "linspace[1:1:3]", "linspace[0:1e400:3]"],
    "logspace": ["logspace[-5:-1]", "logspace[0:400:3]", "logspace[-5:-1:0]", "logspace[x:y:3]", "logspace[2:2:4]"],
    "uniform": [("uniform[1:0]", ".uniform"), ("uniform[1:1]", ".uniform"), "uniform[0]", "uniform[0:1:2]", "uniform[a:b]", "uniform[]",
                "uniform[0:1e400]", ("uniform[-1e308:1e308]", ".uniform")],
    "bracket-range": ["[1:0]", "[0:1:2]", "[x:1]", "[1:1]"],
    "loguniform": [("loguniform[0:1]", ".loguniform"), ("loguniform[-1:1]", ".loguniform"), ("loguniform[1:0.1]", ".loguniform"), "loguniform[1e-4]",
                   "loguniform[1e-4:1:2]", "loguniform[a:1]"],
    "randint": ["randint[1.5:3]", ("randint[3:1]", ".randint"), "randint[1]", "randint[1:2:3]", "randint[a:b]",
                "randint[0:99999999999999999999]"],
    "lograndint": [("lograndint[0:10]", ".lograndint"), ("lograndint[10:1]", ".lograndint"), ("lograndint[-1:4]", ".lograndint")],
    "normal": [("normal[0:0]", ".normal"), ("normal[0:-1]", ".normal"), "normal[0]", "normal[a:1]"],
    "step-range": ["0:0:1", "0:-1:1", "1:0.1:0", "0:1e-9:1", "0:0.1:1e400"],
    "log-count": ["1e-5:l0:0.1", "0:l5:1", "-1:l5:1", "1e-5:l2000000:1", "0.1:l3:0.1", "1e-5:l5:1e400"],
    "int-range": ["3:1", "0:1000000", "0:99999999999999999999", "-9223372036854775808:9223372036854775807",
                  "1.5:3", "-5:-10"],
    "fixed": ["1e400"],
}
for form, texts in shorthand.items():
    # A tuple's second item: the domain key that a range error names after the parameter.
    for i, entry in enumerate(texts):
        text, suffix = entry if isinstance(entry, tuple) else (entry, "")
        noisy_param("shorthand-%s-%d" % (form, i + 1), text, "params.x" + suffix, "shorthand %r" % text)

# --- grids too large to run without a budget ------------------------------------------------------
levy4 = {"type": "function", "function": "levy"}
spec("grid-1e12-points", {"params": {"x%d" % i: "0:999" for i in range(4)}, "trainable": levy4}, "params",
     "10^12 grid points and no maxTrials")
spec("grid-1e12-points-explicit-searcher",
     {"params": {"x%d" % i: "linspace[0:1:1000]" for i in range(4)}, "trainable": levy4, "searcher": "grid"},
     "params", "10^12 grid points, searcher grid, no maxTrials")
spec("grid-1e40-points", {"params": {"x%d" % i: "0:9999" for i in range(10)}, "trainable": levy4,
                          "budget": {"timeBudget": "1h"}}, "params", "10^40 grid points, a time budget but no maxTrials")

# --- searcher -------------------------------------------------------------------------------------
searchers = [
    ("unknown", "anneal", "searcher.type"), ("empty", "", "searcher.type"), ("capitalised", "Grid", "searcher.type"),
    ("number", 5, "searcher"), ("array", ["grid"], "searcher"), ("null", None, "searcher"),
    ("type-number", {"type": 5}, "searcher.type"), ("type-null", {"type": None}, "searcher.type"),
    ("seed-string", {"type": "random", "seed": "7"}, "searcher.seed"),
    ("seed-fraction", {"type": "random", "seed": 1.5}, "searcher.seed"),
    ("seed-null", {"type": "random", "seed": None}, "searcher.seed"),
    ("unknown-option", {"type": "random", "population": 3}, "searcher.population"),
    ("gp-initial-zero", {"type": "gp", "initial": 0}, "searcher.initial"),
    ("gp-max-points-small", {"type": "gp", "maxPoints": 5}, "searcher.maxPoints"),
    ("evolution-removed", {"type": "evolution", "population": 20}, "searcher.type"),
    ("tpe-prior-weight-zero", {"type": "tpe", "priorWeight": 0}, "searcher.priorWeight"),
    ("tpe-startup-string", {"type": "tpe", "startup": "3"}, "searcher.startup"),
    ("tpe-candidates-negative", {"type": "tpe", "candidates": -1}, "searcher.candidates"),
    ("gp-max-points-null", {"type": "gp", "maxPoints": None}, "searcher.maxPoints"),
]
for label, value, path in searchers:
    spec("searcher-" + label, with_(VALID, searcher=value), path, "searcher " + label)
raw("searcher-seed-huge", VALID_TEXT.replace('"seed": 7', '"seed": 123456789012345678901234567890'), "searcher.seed",
    "seed beyond a long")
spec("searcher-sobol-too-many-dimensions",
     {"params": {"x%d" % i: "uniform[0:1]" for i in range(1001)}, "trainable": levy4, "searcher": "sobol"},
     "searcher.type", "sobol over 1001 parameters")

# --- scheduler ------------------------------------------------------------------------------------
for label, value, path in (("asha", "asha", "scheduler.maxSteps"), ("hyperband", {"type": "hyperband"}, "scheduler.maxSteps"),
                           ("fifo-with-option", {"type": "fifo", "grace": 1}, "scheduler.grace"),
                           ("number", 5, "scheduler"), ("type-null", {"type": None}, "scheduler.type"),
                           ("empty", "", "scheduler.type")):
    spec("scheduler-" + label, with_(BASE, scheduler=value), path, "scheduler " + label)

# --- trainable ------------------------------------------------------------------------------------
trainables = [
    ("unknown-type", {"type": "bigdl"}, "trainable.type"), ("empty-type", {"type": ""}, "trainable.type"),
    ("missing-type", {"function": "noisy"}, "trainable.type"), ("type-number", {"type": 5}, "trainable.type"),
    ("just-function", "function", "trainable.function"), ("array", [NOISY], "trainable"), ("null", None, "trainable"),
    ("unknown-function", {"type": "function", "function": "brainn"}, "trainable.function"),
    ("function-number", {"type": "function", "function": 5}, "trainable.function"),
    ("function-missing", {"type": "function"}, "trainable.function"),
    ("unknown-option", {"type": "function", "function": "noisy", "step": 5}, "trainable.step"),
    ("steps-zero", {"type": "function", "function": "noisy", "steps": 0}, "trainable.steps"),
    ("steps-string", {"type": "function", "function": "noisy", "steps": "5"}, "trainable.steps"),
    ("step-seconds-negative", {"type": "function", "function": "noisy", "stepSeconds": -1}, "trainable.stepSeconds"),
    ("checkpoint-string", {"type": "function", "function": "noisy", "checkpoint": "yes"}, "trainable.checkpoint"),
    ("checkpoint-null", {"type": "function", "function": "noisy", "checkpoint": None}, "trainable.checkpoint"),
    ("steps-null", {"type": "function", "function": "noisy", "steps": None}, "trainable.steps"),
    ("class-missing", {"type": "class"}, "trainable.class"),
    ("class-not-on-classpath", {"type": "class", "class": "com.acme.Missing"}, "trainable.class"),
    ("class-not-trainable", {"type": "class", "class": "java.lang.String"}, "trainable.class"),
    ("class-unknown-option", {"type": "class", "class": "java.lang.String", "args": []}, "trainable.args"),
]
for label, value, path in trainables:
    spec("trainable-" + label, with_(BASE, trainable=value), path, "trainable " + label)
spec("trainable-branin-missing-input", {"params": {"x0": 1}, "trainable": BRANIN}, "params", "branin with one input")
spec("trainable-hartmann6-two-inputs", {"params": {"x0": 1, "x1": 2}, "trainable": {"type": "function", "function": "hartmann6"}},
     "params", "hartmann6 with two inputs")
spec("trainable-input-text", {"params": {"x0": "adam", "x1": 1}, "trainable": BRANIN}, "params.x0", "branin input is text")
spec("trainable-input-empty-text", {"params": {"x": ""}, "trainable": NOISY}, "params.x", "noisy input is an empty string")
spec("trainable-input-choice-with-text", {"params": {"x0": {"choice": [1, "two"]}, "x1": 1}, "trainable": BRANIN},
     "params.x0", "branin input may be text")
spec("trainable-input-boolean", {"params": {"x": "[1,2]", "noise": True}, "trainable": NOISY}, "params.noise", "noise is a boolean")
spec("trainable-noisy-without-x", {"params": {"y": "[1,2]"}, "trainable": NOISY}, "params", "noisy without x")

# --- the trainables, objectives and searchers of later features --------------------------------------
XGB = {"type": "xgboost", "data": {"dir": "data", "train": "train", "validation": "t10k", "format": "idx"}}
MLP = {"type": "mlp", "data": {"dir": "data", "train": "train", "validation": "t10k", "format": "idx"}}
FOREST = {"type": "sparkml", "estimator": "org.apache.spark.ml.classification.RandomForestClassifier",
          "data": {"train": "data/train.parquet", "features": ["a", "b"]},
          "evaluator": {"type": "MulticlassClassificationEvaluator", "metricName": "accuracy"}}
TWO_GOALS = [{"metric": "val_accuracy", "mode": "max"}, {"metric": "parameters", "mode": "min"}]
spec("trainable-xgboost-grow-policy-list", {"params": {"grow_policy": ["depthwise", "lossguided"]}, "trainable": XGB},
     "params.grow_policy", "a grow policy XGBoost does not know, in a list")
spec("trainable-mlp-optimizer-list", {"params": {"optimizer": ["adam", "sgdd"]}, "trainable": MLP},
     "params.optimizer", "an optimizer the mlp does not know, in a list")
spec("trainable-xgboost-max-depth-fractions", {"params": {"max_depth": "uniform[2:8]"}, "trainable": XGB},
     "params.max_depth", "a tree depth drawn as a fraction")
spec("trainable-xgboost-objective-unknown", {"params": {"eta": "[0.1,0.3]"}, "trainable": dict(XGB, objective="multi:softmax")},
     "trainable.objective", "an objective the xgboost trainable does not offer")
spec("trainable-xgboost-objective-against-task", {"params": {"eta": "[0.1,0.3]"},
                                                  "trainable": dict(XGB, task="regression", objective="multi:softprob")},
     "trainable.objective", "a classification objective for a regression task")
spec("trainable-sparkml-estimator-typo", {"params": {"maxDepth": "randint[2:8]"},
                                          "trainable": dict(FOREST, estimator="org.apache.spark.ml.classification.RandomForestClassifer")},
     "trainable.estimator", "an estimator class name with a typo")
spec("trainable-sparkml-one-fold", {"params": {"maxDepth": "randint[2:8]"},
                                    "trainable": dict(FOREST, data=dict(FOREST["data"], validation={"folds": 1}))},
     "trainable.data.validation.folds", "cross-validation with one fold")
spec("trainable-sparkml-fidelity-descending", {"params": {"maxDepth": "randint[2:8]"}, "trainable": dict(FOREST, fidelity=[9, 3, 1])},
     "trainable.fidelity", "fidelity steps in descending order")
spec("trainable-sparkml-metric-not-reported", {"metric": "f1", "mode": "max", "params": {"maxDepth": "randint[2:8]"}, "trainable": FOREST},
     "metric", "a metric the evaluator does not compute")
spec("trainable-sparkml-hyperband", {"params": {"maxDepth": "randint[2:8]"}, "trainable": dict(FOREST, fidelity=[1, 3, 9]),
                                     "scheduler": {"type": "hyperband", "maxSteps": 9}},
     "scheduler.type", "hyperband, which pauses trials, for Spark ML fits that cannot resume")
spec("objectives-mode-word", {"objectives": [{"metric": "a", "mode": "maximize"}, {"metric": "b", "mode": "min"}], "params": {"x": "[1,2]"},
                              "trainable": NOISY}, "objectives[0].mode", "an objective's mode spelt out")
spec("objectives-cmaes", {"objectives": TWO_GOALS, "params": {"x": "uniform[0:1]"}, "trainable": NOISY, "searcher": "cmaes"},
     "searcher.type", "cmaes with several objectives")
spec("objectives-nsga2-population-one", {"objectives": TWO_GOALS, "params": {"x": "uniform[0:1]"}, "trainable": NOISY,
                                         "searcher": {"type": "nsga2", "population": 1}}, "searcher.population", "nsga2 with a population of one")

# --- budget ---------------------------------------------------------------------------------------
budgets = [
    ("not-object", 5, "budget"), ("null", None, "budget"), ("array", [10], "budget"),
    ("unknown-key", {"maxTrails": 3}, "budget.maxTrails"), ("timeout-key", {"timeout": "1h"}, "budget.timeout"),
    ("max-trials-zero", {"maxTrials": 0}, "budget.maxTrials"), ("max-trials-negative", {"maxTrials": -1}, "budget.maxTrials"),
    ("max-trials-fraction", {"maxTrials": 1.5}, "budget.maxTrials"), ("max-trials-string", {"maxTrials": "10"}, "budget.maxTrials"),
    ("max-trials-exponent", {"maxTrials": 1e3}, "budget.maxTrials"),
    ("max-trials-beyond-int", {"maxTrials": 10000000000}, "budget.maxTrials"),
    ("parallelism-zero", {"parallelism": 0}, "budget.parallelism"), ("parallelism-negative", {"parallelism": -2}, "budget.parallelism"),
    ("trials-per-task-zero", {"trialsPerTask": 0}, "budget.trialsPerTask"),
    ("trials-per-task-bool", {"trialsPerTask": True}, "budget.trialsPerTask"),
    ("time-budget-zero-seconds", {"timeBudget": "0s"}, "budget.timeBudget"),
    ("time-budget-word", {"timeBudget": "soon"}, "budget.timeBudget"),
    ("time-budget-negative", {"timeBudget": "-5m"}, "budget.timeBudget"),
    ("time-budget-space", {"timeBudget": "5 m"}, "budget.timeBudget"),
    ("time-budget-unit-missing-at-end", {"timeBudget": "1h30"}, "budget.timeBudget"),
    ("time-budget-exponent", {"timeBudget": "1e3s"}, "budget.timeBudget"),
    ("time-budget-weeks", {"timeBudget": "2w"}, "budget.timeBudget"),
    ("time-budget-number-zero", {"timeBudget": 0}, "budget.timeBudget"),
    ("time-budget-number-negative", {"timeBudget": -1}, "budget.timeBudget"),
    ("time-budget-sub-millisecond", {"timeBudget": "0.1ms"}, "budget.timeBudget"),
    ("time-budget-number-sub-millisecond", {"timeBudget": 0.0001}, "budget.timeBudget"),
    ("time-budget-over-a-year", {"timeBudget": "400d"}, "budget.timeBudget"),
    ("time-budget-number-huge", {"timeBudget": 1e300}, "budget.timeBudget"),
    ("time-budget-bool", {"timeBudget": True}, "budget.timeBudget"),
    ("time-budget-array", {"timeBudget": ["1h"]}, "budget.timeBudget"),
    ("trial-timeout-zero", {"trialTimeout": "0"}, "budget.trialTimeout"),
    ("trial-timeout-word", {"trialTimeout": "forever"}, "budget.trialTimeout"),
    ("trial-timeout-empty", {"trialTimeout": ""}, "budget.trialTimeout"),
]
for label, value, path in budgets:
    spec("budget-" + label, with_(BASE, budget=value), path, "budget " + label)

# --- resources ------------------------------------------------------------------------------------
resources = [
    ("cpus-zero", {"cpus": 0}, "resources.cpus"), ("cpus-negative", {"cpus": -1}, "resources.cpus"),
    ("cpus-fraction", {"cpus": 1.5}, "resources.cpus"), ("cpus-string", {"cpus": "2"}, "resources.cpus"),
    ("cpus-beyond-int", {"cpus": 4294967297}, "resources.cpus"),
    ("gpus-negative", {"gpus": -1}, "resources.gpus"), ("gpus-string", {"gpus": "1"}, "resources.gpus"),
    ("gpus-share-above-half", {"gpus": 0.7}, "resources.gpus"), ("gpus-one-and-a-half", {"gpus": 1.5}, "resources.gpus"),
    ("unknown-key", {"memory": "4g"}, "resources.memory"), ("not-object", 4, "resources"), ("array", [1], "resources"),
]
for label, value, path in resources:
    spec("resources-" + label, with_(BASE, resources=value), path, "resources " + label)
raw("resources-gpus-huge", '{"params": {"x": "[1,2]"}, "trainable": {"type": "function", "function": "noisy"}, "resources": {"gpus": 1e400}}',
    "resources.gpus", "gpus beyond a double")


def main():
    names = [c[0] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        sys.exit("duplicate case names: %s" % sorted(duplicates))
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".json") and old[:-5] not in names:
            os.remove(os.path.join(OUT, old))
    with open(os.path.join(OUT, "INDEX.tsv"), "w", encoding="utf-8") as index:
        index.write("# name\tJSON path the error names (line: a line and column)\twhat is wrong\n")
        for name, text, path, why in cases:
            with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
                f.write(text)
            index.write("%s\t%s\t%s\n" % (name, path, why))
    print("%d bad space files in %s" % (len(cases), OUT))


main()
