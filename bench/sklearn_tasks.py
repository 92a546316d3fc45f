"""The tasks of bench/tasks.json: scikit-learn models on the datasets scikit-learn ships, scored by
5-fold cross-validation. As a worker (`/usr/bin/python3 bench/sklearn_tasks.py`) it reads one JSON
object a line, {"task": name, "params": {...}}, and writes one a line, {"loss": value}, so that one
Python process with scikit-learn imported once serves a whole benchmark run. bench/suite_peer.py
imports it to score Optuna's trials the same way."""
import json
import os
import sys
import warnings

import numpy as np
from sklearn import datasets
from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
from sklearn.linear_model import Lasso
from sklearn.model_selection import KFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

TASKS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tasks.json")
LOADERS = {"breast_cancer": datasets.load_breast_cancer, "wine": datasets.load_wine, "digits": datasets.load_digits,
           "iris": datasets.load_iris, "diabetes": datasets.load_diabetes}
MODELS = {
    "knn": lambda p: make_pipeline(StandardScaler(), KNeighborsClassifier(**p)),
    "svm": lambda p: make_pipeline(StandardScaler(), SVC(**p)),
    "dt": lambda p: DecisionTreeClassifier(random_state=0, **p),
    "ada": lambda p: AdaBoostClassifier(random_state=0, **p),
    "lasso": lambda p: make_pipeline(StandardScaler(), Lasso(random_state=0, **p)),
    "rf": lambda p: RandomForestClassifier(random_state=0, **p),
    # Bayesmark's MLP: adam, a bounded number of epochs so that one evaluation stays cheap.
    "mlp": lambda p: make_pipeline(StandardScaler(), MLPClassifier(solver="adam", max_iter=100, random_state=0, **p)),
}


def tasks():
    with open(TASKS_FILE) as f:
        return {name: task for name, task in json.load(f).items() if not name.startswith("_")}


_data = {}


SCORINGS = {"acc": "accuracy", "nll": "neg_log_loss", "mse": "neg_mean_squared_error"}


def loss(task, params):
    """1 - mean accuracy, the mean log-loss, or the mean squared error, over 5 fixed folds."""
    if task["data"] not in _data:
        _data[task["data"]] = LOADERS[task["data"]](return_X_y=True)
    x, y = _data[task["data"]]
    folds = KFold(5, shuffle=True, random_state=0)
    model = MODELS[task["model"]](dict(params, **task.get("fixed", {})))
    score = float(np.mean(cross_val_score(model, x, y, cv=folds, scoring=SCORINGS[task["metric"]])))
    return 1 - score if task["metric"] == "acc" else -score


def main():
    warnings.simplefilter("ignore")
    known = tasks()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            value = loss(known[request["task"]], request["params"])
        except Exception as error:  # a config the model refuses is a failed trial, not a dead worker
            print(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}), flush=True)
            continue
        print(json.dumps({"loss": value}), flush=True)


if __name__ == "__main__":
    main()
