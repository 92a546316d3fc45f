"""The test functions of bench/suite.tsv, as io.sparktune.train.function.BenchmarkFunction defines them,
and the suite's problems read from that file. Used by bench/suite_peer.py."""
import math
import os

import numpy as np


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    term = x[1] - b * x[0] ** 2 + c * x[0] - 6
    return term ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


HARTMANN_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
HARTMANN_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
                       [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN_P = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
                       [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])


def hartmann6(x):
    return -float(HARTMANN_ALPHA @ np.exp(-(HARTMANN_A * (np.asarray(x) - HARTMANN_P) ** 2).sum(axis=1)))


def levy(x):
    w = 1 + (np.asarray(x) - 1) / 4
    total = math.sin(math.pi * w[0]) ** 2
    total += float(((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(math.pi * w[:-1] + 1) ** 2)).sum())
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def rosenbrock(x):
    x = np.asarray(x)
    return float((100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum())


def sixhumpcamel(x):
    a, b = x[0] ** 2, x[1] ** 2
    return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * b) * b


def goldsteinprice(x):
    u, v = x[0] + x[1] + 1, 2 * x[0] - 3 * x[1]
    first = 1 + u * u * (19 - 14 * x[0] + 3 * x[0] ** 2 - 14 * x[1] + 6 * x[0] * x[1] + 3 * x[1] ** 2)
    second = 30 + v * v * (18 - 32 * x[0] + 12 * x[0] ** 2 + 48 * x[1] - 36 * x[0] * x[1] + 27 * x[1] ** 2)
    return first * second


SHEKEL_BETA = np.array([1, 2, 2, 4, 4, 6, 3, 7, 5, 5]) / 10.0
SHEKEL_C = np.array([[4, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6],
                     [4, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6]])


def shekel(x):
    distance = ((np.asarray(x)[:, None] - SHEKEL_C) ** 2).sum(axis=0)
    return -float((1 / (distance + SHEKEL_BETA)).sum())


def michalewicz(x):
    x = np.asarray(x)
    i = np.arange(1, len(x) + 1)
    return -float((np.sin(x) * np.sin(i * x * x / math.pi) ** 20).sum())


def rastrigin(x):
    x = np.asarray(x)
    return float(10 * len(x) + (x * x - 10 * np.cos(2 * math.pi * x)).sum())


def griewank(x):
    x = np.asarray(x)
    return float((x * x).sum() / 4000 - np.prod(np.cos(x / np.sqrt(np.arange(1, len(x) + 1)))) + 1)


def schwefel(x):
    x = np.asarray(x)
    return float(418.98288727243369 * len(x) - (x * np.sin(np.sqrt(np.abs(x)))).sum())


def powell(x):
    x = np.asarray(x).reshape(-1, 4)
    return float(((x[:, 0] + 10 * x[:, 1]) ** 2 + 5 * (x[:, 2] - x[:, 3]) ** 2 + (x[:, 1] - 2 * x[:, 2]) ** 4
                  + 10 * (x[:, 0] - x[:, 3]) ** 4).sum())


def dixonprice(x):
    x = np.asarray(x)
    i = np.arange(2, len(x) + 1)
    return float((x[0] - 1) ** 2 + (i * (2 * x[1:] ** 2 - x[:-1]) ** 2).sum())


def zakharov(x):
    x = np.asarray(x)
    weighted = float((0.5 * np.arange(1, len(x) + 1) * x).sum())
    return float((x * x).sum()) + weighted ** 2 + weighted ** 4


def ellipsoid(x):
    x = np.asarray(x)
    return float((1e6 ** (np.arange(len(x)) / (len(x) - 1.0)) * x * x).sum())


def sharpridge(x):
    x = np.asarray(x)
    return float(x[0] ** 2 + 100 * math.sqrt((x[1:] ** 2).sum()))


def differentpowers(x):
    x = np.asarray(x)
    return float(math.sqrt((np.abs(x) ** (2 + 4 * np.arange(len(x)) / (len(x) - 1.0))).sum()))


def ackley(x):
    x = np.asarray(x)
    return float(-20 * math.exp(-0.2 * math.sqrt((x * x).mean())) - math.exp(np.cos(2 * math.pi * x).mean()) + 20 + math.e)


def styblinskitang(x):
    x = np.asarray(x)
    return float((x ** 4 - 16 * x ** 2 + 5 * x).sum() / 2)


FUNCTIONS = {f.__name__: f for f in (branin, hartmann6, levy, rosenbrock, sixhumpcamel, goldsteinprice, shekel, michalewicz,
                                     rastrigin, griewank, schwefel, powell, dixonprice, zakharov, ellipsoid, sharpridge,
                                     differentpowers, ackley, styblinskitang)}


class Problem:
    def __init__(self, fields):
        name, function, dims, low, high, budget, noise, optimum, half = fields
        self.name, self.function, self.dims = name, FUNCTIONS[function], int(dims)
        self.low = self._bounds(low)
        self.high = self._bounds(high)
        self.budget, self.noise, self.optimum, self.half = int(budget), float(noise), float(optimum), half

    def _bounds(self, text):
        values = [float(v) for v in text.split(",")]
        return values * self.dims if len(values) == 1 else values


def suite(path=os.path.join(os.path.dirname(os.path.abspath(__file__)), "suite.tsv")):
    """The problems of bench/suite.tsv, in file order."""
    with open(path) as lines:
        rows = [line.rstrip("\n").split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [Problem(row) for row in rows[1:]]
