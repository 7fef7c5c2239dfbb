#!/usr/bin/python3
"""Independent reference values for aro's statistics (src/Aro.Core/Statistics, docs/statistics.md).

Run with Debian's Python (numpy only, no SciPy):

    /usr/bin/python3 scripts/make_stats_reference.py            # writes tests/fixtures/reference/statistics/
    /usr/bin/python3 scripts/make_stats_reference.py --out DIR  # or somewhere else

Everything here is computed from the definitions in docs/statistics.md, by other means than the C# code where
there is another means:

* Wilson bounds: the two roots of the quadratic (n + z^2) p^2 - (2k + z^2) p + k^2/n = 0, in 50-digit decimal
  arithmetic, rounded once to a double.
* McNemar's exact p-value: min(1, 2 * sum_{i <= min(b,c)} C(b+c, i) / 2^(b+c)) with exact integers and an exact
  fraction, rounded once to a double (b + c up to 100,000).
* Bootstrap intervals: the cases are materialised as 0/1 arrays in the documented canonical order, resample r
  draws its indices from SplitMix64.ForStream(seed, r) (implemented here from the published algorithm with
  Python's unbounded integers), the statistic is taken with numpy on the indexed arrays, and the interval is
  numpy's default quantile (method="linear") at 0.025 and 0.975.
* Seeds: numpy's mean and std with ddof=1.

The datasets are drawn with numpy's PCG64 from fixed seeds, so the script writes the same files every time.
It takes about a minute on one core (the bootstrap draws are pure Python).
"""

import argparse
import decimal
import json
import math
import os
from fractions import Fraction

import numpy as np

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
Z95 = 1.959963984540054
RESAMPLES = 2000
SEED = 0


# --- SplitMix64 (Steele, Lea, Flood 2014), with Lemire's bounded integers ----------------------------------------

def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, state):
        self.state = state & MASK

    @staticmethod
    def for_stream(seed, *keys):
        state = mix((seed + GOLDEN_GAMMA) & MASK)
        for key in keys:
            state = mix(state ^ mix((key + GOLDEN_GAMMA) & MASK))
        return SplitMix64(state)

    def next_u64(self):
        self.state = (self.state + GOLDEN_GAMMA) & MASK
        return mix(self.state)

    def below(self, bound):
        """A uniform integer in [0, bound): the high word of a 128-bit product, rejecting the biased low words."""
        product = self.next_u64() * bound
        if (product & MASK) < bound:
            threshold = (1 << 64) % bound  # == (2^64 - bound) mod bound
            while (product & MASK) < threshold:
                product = self.next_u64() * bound
        return product >> 64


# --- statistics from their definitions -------------------------------------------------------------------------

def wilson(k, n):
    if n == 0:
        return None
    decimal.getcontext().prec = 50
    D = decimal.Decimal
    z2 = D(Z95) * D(Z95)  # D(float) is the exact binary value of the double the C# code uses
    a = D(n) + z2
    b = D(2 * k) + z2
    c = D(k) * D(k) / D(n)
    root = (b * b - 4 * a * c).sqrt()
    lower = (b - root) / (2 * a)
    upper = (b + root) / (2 * a)
    return [0.0 if k == 0 else float(lower), 1.0 if k == n else float(upper)]


def mcnemar(b, c):
    n = b + c
    k = min(b, c)
    total = 0
    term = 1  # C(n, 0)
    for i in range(k + 1):
        total += term
        term = term * (n - i) // (i + 1)
    return float(min(Fraction(1), Fraction(2 * total, 2 ** n)))


def central95(values):
    low, high = np.quantile(np.asarray(values, dtype=np.float64), [0.025, 0.975])
    return [float(low), float(high)]


def resample_indices(stream, size):
    return np.fromiter((stream.below(size) for _ in range(size)), dtype=np.int64, count=size)


def bootstrap_micro(correct, settings):
    """correct: 0/1 per case, any order; resampled in the canonical order (right cases first)."""
    pool = np.sort(np.asarray(correct, dtype=np.int64))[::-1]
    if len(pool) == 0:
        return None
    values = []
    for r in range(settings["resamples"]):
        stream = SplitMix64.for_stream(settings["seed"], r)
        values.append(pool[resample_indices(stream, len(pool))].mean())
    return central95(values)


def bootstrap_macro(groups, settings):
    """groups: {name: 0/1 array}, included ones only; walked in code-point order of the names."""
    names = sorted(groups)
    if not names:
        return None
    pools = [np.sort(np.asarray(groups[g], dtype=np.int64))[::-1] for g in names]
    values = []
    for r in range(settings["resamples"]):
        stream = SplitMix64.for_stream(settings["seed"], r)
        values.append(np.mean([pool[resample_indices(stream, len(pool))].mean() for pool in pools]))
    return central95(values)


# canonical order of paired cases: both right, only baseline right, only candidate right, both wrong
PAIR_RANK = {(1, 1): 0, (1, 0): 1, (0, 1): 2, (0, 0): 3}


def paired_pool(pairs):
    ordered = sorted(pairs, key=lambda p: PAIR_RANK[p])
    base = np.array([p[0] for p in ordered], dtype=np.int64)
    cand = np.array([p[1] for p in ordered], dtype=np.int64)
    return cand - base


def paired_micro(pairs, settings):
    pool = paired_pool(pairs)
    values = []
    for r in range(settings["resamples"]):
        stream = SplitMix64.for_stream(settings["seed"], r)
        values.append(pool[resample_indices(stream, len(pool))].mean())
    return central95(values)


def paired_macro(groups, settings):
    names = sorted(groups)
    if not names:
        return None
    pools = [paired_pool(groups[g]) for g in names]
    values = []
    for r in range(settings["resamples"]):
        stream = SplitMix64.for_stream(settings["seed"], r)
        values.append(np.mean([pool[resample_indices(stream, len(pool))].mean() for pool in pools]))
    return central95(values)


# --- datasets ---------------------------------------------------------------------------------------------------

def make_dataset(name, seed, groups, candidate_flip, drop_ids=0, extra_ids=0, identical=False):
    """groups: [(name, size, baseline accuracy, candidate accuracy shift)]; returns shuffled case lists."""
    rng = np.random.Generator(np.random.PCG64(seed))
    baseline, candidate = [], []
    number = 0
    for group, size, accuracy, shift in groups:
        for _ in range(size):
            case_id = f"{name}-{number:06d}"
            number += 1
            right = int(rng.random() < accuracy)
            if identical:
                other = right
            elif rng.random() < candidate_flip:
                other = int(rng.random() < min(1.0, max(0.0, accuracy + shift)))
            else:
                other = right
            baseline.append([case_id, group, right])
            candidate.append([case_id, group, other])
    # the candidate misses some cases and has a few the baseline lacks
    order = rng.permutation(len(candidate))
    dropped = set(int(i) for i in order[:drop_ids])
    candidate = [c for i, c in enumerate(candidate) if i not in dropped]
    for i in range(extra_ids):
        candidate.append([f"{name}-extra-{i:03d}", groups[0][0], int(rng.random() < 0.5)])
    baseline = [baseline[int(i)] for i in rng.permutation(len(baseline))]
    candidate = [candidate[int(i)] for i in rng.permutation(len(candidate))]
    return baseline, candidate


def included(group, count, rule):
    return count >= rule["min_count"] and group not in rule["excluded"]


def run_statistics(cases, rule, settings):
    correct = [c[2] for c in cases]
    by_group = {}
    for _, group, right in cases:
        by_group.setdefault(group, []).append(right)
    kept = {g: v for g, v in by_group.items() if included(g, len(v), rule)}
    return {
        "samples": len(correct),
        "correct": int(sum(correct)),
        "micro": sum(correct) / len(correct),
        "macro": float(np.mean([np.mean(v) for v in kept.values()])) if kept else None,
        "wilson_micro": wilson(int(sum(correct)), len(correct)),
        "bootstrap_micro": bootstrap_micro(correct, settings),
        "bootstrap_macro": bootstrap_macro(kept, settings),
        "included_groups": sorted(kept),
    }


def paired_statistics(baseline, candidate, rule, settings):
    base = {c[0]: c for c in baseline}
    cand = {c[0]: c for c in candidate}
    common = [i for i in base if i in cand]
    pairs = [(base[i][2], cand[i][2]) for i in common]
    groups = {}
    for i in common:
        groups.setdefault(base[i][1], []).append((base[i][2], cand[i][2]))
    kept = {g: v for g, v in groups.items() if included(g, len(v), rule)}
    b = sum(1 for p in pairs if p == (1, 0))
    c = sum(1 for p in pairs if p == (0, 1))
    tables = {
        g: [sum(1 for p in v if p == key) for key in [(1, 1), (1, 0), (0, 1), (0, 0)]]
        for g, v in sorted(groups.items())
    }
    return {
        "paired": len(pairs),
        "only_in_baseline": len(base) - len(common),
        "only_in_candidate": len(cand) - len(common),
        "tables": tables,
        "both_correct": sum(1 for p in pairs if p == (1, 1)),
        "baseline_only": b,
        "candidate_only": c,
        "both_wrong": sum(1 for p in pairs if p == (0, 0)),
        "micro": {
            "baseline": float(np.mean([p[0] for p in pairs])),
            "candidate": float(np.mean([p[1] for p in pairs])),
            "difference": float(np.mean([p[1] - p[0] for p in pairs])),
            "interval": paired_micro(pairs, settings),
        },
        "macro": None if not kept else {
            "baseline": float(np.mean([np.mean([p[0] for p in v]) for v in kept.values()])),
            "candidate": float(np.mean([np.mean([p[1] for p in v]) for v in kept.values()])),
            "difference": float(np.mean([np.mean([p[1] - p[0] for p in v]) for v in kept.values()])),
            "interval": paired_macro(kept, settings),
        },
        "included_groups": sorted(kept),
        "mcnemar_p": mcnemar(b, c),
    }


def datasets():
    default = {"resamples": RESAMPLES, "seed": SEED}
    yield "small", default, {"min_count": 10, "excluded": []}, make_dataset(
        "small", 1, [("a", 12, 0.7, -0.3), ("b", 30, 0.5, 0.2), ("c", 6, 0.4, 0.0)], candidate_flip=0.4)

    rng = np.random.Generator(np.random.PCG64(2))
    vg_groups = []
    for i in range(25):
        size = int(rng.integers(1, 160))
        vg_groups.append((f"relation {i:02d}", size, float(rng.uniform(0.3, 0.95)), float(rng.uniform(-0.3, 0.1))))
    yield "vg-like", default, {"min_count": 25, "excluded": ["relation 03", "relation 07"]}, make_dataset(
        "vg", 3, vg_groups, candidate_flip=0.35, drop_ids=7, extra_ids=3)

    yield "order-like", default, {"min_count": 0, "excluded": []}, make_dataset(
        "order", 4, [("", 800, 0.6, -0.15)], candidate_flip=0.5)

    yield "identical", default, {"min_count": 1, "excluded": []}, make_dataset(
        "same", 5, [("w", 50, 0.9, 0), ("x", 50, 0.5, 0), ("y", 60, 0.2, 0), ("z", 40, 1.0, 0)], candidate_flip=0, identical=True)

    # other settings, names whose ordinal (UTF-16) order differs from a culture's, a group of one case
    yield "settings", {"resamples": 1000, "seed": 12345}, {"min_count": 1, "excluded": []}, make_dataset(
        "settings", 6, [("b b", 40, 0.6, 0.2), ("Z", 25, 0.3, 0.4), ("a", 30, 0.8, -0.5), ("\u00c9t\u00e9", 20, 0.5, 0.1), ("one", 1, 1.0, -1.0)],
        candidate_flip=0.6)


MCNEMAR_CASES = [
    (0, 0), (0, 1), (1, 0), (1, 5), (5, 1), (0, 5), (2, 10), (3, 3), (10, 0), (7, 9), (20, 40), (100, 130),
    (400, 480), (1000, 1100), (5000, 5200), (12345, 12867), (30000, 30500), (0, 1074), (1, 1100),
    (49000, 51000), (49500, 50500), (49800, 50200), (49990, 50010), (49999, 50001), (50000, 50000),
    (48000, 52000), (45000, 55000), (40000, 60000), (1, 99999), (0, 100000), (2000, 98000),
]

WILSON_CASES = [(0, 1), (1, 1), (0, 10), (10, 10), (5, 10), (1, 10), (9, 10), (3, 7), (1, 1000), (999, 1000),
                (7919, 23937), (23936, 23937), (0, 28748), (12500, 25010), (1, 2)]

SEED_CASES = [
    [0.5, 0.6, 0.7],
    [0.6123457, 0.6098765, 0.6154321, 0.6087654, 0.6111111],
    [0.8],
    [0.25, 0.25, 0.25, 0.25],
    [0.1, 0.9],
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "tests", "fixtures", "reference", "statistics"))
    out = parser.parse_args().out
    os.makedirs(os.path.join(out, "bootstrap"), exist_ok=True)

    for name, settings, rule, (baseline, candidate) in datasets():
        record = {
            "settings": settings,
            "rule": rule,
            "baseline_cases": baseline,
            "candidate_cases": candidate,
            "baseline": run_statistics(baseline, rule, settings),
            "candidate": run_statistics(candidate, rule, settings),
            "paired": paired_statistics(baseline, candidate, rule, settings),
        }
        write_json(os.path.join(out, "bootstrap", name + ".json"), record)
        print(f"wrote bootstrap/{name}.json: {len(baseline)} and {len(candidate)} cases")

    write_json(os.path.join(out, "mcnemar.json"), [{"b": b, "c": c, "p": mcnemar(b, c)} for b, c in MCNEMAR_CASES])
    write_json(os.path.join(out, "wilson.json"), [{"k": k, "n": n, "interval": wilson(k, n)} for k, n in WILSON_CASES])
    write_json(os.path.join(out, "seeds.json"), [
        {"values": v, "mean": float(np.mean(v)), "std": float(np.std(v, ddof=1)) if len(v) > 1 else 0.0} for v in SEED_CASES])
    print("wrote mcnemar.json, wilson.json, seeds.json")


def write_json(path, value):
    # Python's float repr round-trips: every double is written with the digits that read back to it exactly.
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
