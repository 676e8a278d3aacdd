"""Residual screens of branch model13h (crates/evaluate/README.md): does a feature of the
learner's history add anything to a model's logit?

Reads `evaluate kt --predictions PREFIX` files (learner, item_id, skill_id, correct, prediction):

    V   the validation learners' predictions (`kt --train statics_train.tsv --validate`)
    AB  predictions of the fit-train learners of odd place (B) by the model fitted on those of
        even place (A) (`kt --train A.tsv --test B.tsv`; `split` below writes A and B)

Global screens add the feature with global weights to V's logit, fitted on half of V's learners
and scored on the other half (2-fold by learner, pooled AUC). Per-item screens fit global and
per-item weights (normal prior of the given precision around the global ones) on AB's logits and
score V. Standard library only; a few minutes per screen.

    python3 residual_screens.py split statics_train.tsv A.tsv B.tsv
    python3 residual_screens.py screen V.widget AB.widget [V.elo V.bkt ...]

Further predictions of V (other models, same learners and order) are stacked: their logit as a
global feature.
"""

import collections
import math
import sys


def fnv1a(text):
    value = 0xCBF29CE484222325
    for byte in text.encode():
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def split(train_path, a_path, b_path):
    """The fit-train learners (FNV-1a of user_id not 0 mod 5) alternately into A and B."""
    lines = open(train_path).read().splitlines()
    order, rows = [], collections.defaultdict(list)
    for line in lines[1:]:
        user = line.split("\t")[0]
        if user not in rows:
            order.append(user)
        rows[user].append(line)
    fit_train = [user for user in order if fnv1a(user) % 5 != 0]
    with open(a_path, "w") as a, open(b_path, "w") as b:
        a.write(lines[0] + "\n")
        b.write(lines[0] + "\n")
        for place, user in enumerate(fit_train):
            (a if place % 2 == 0 else b).write("\n".join(rows[user]) + "\n")


def load(path):
    """Each learner's answers: (item, skills, correct, prediction)."""
    learners = collections.defaultdict(list)
    for line in list(open(path))[1:]:
        learner, item, skills, correct, prediction = line.rstrip("\n").split("\t")
        learners[int(learner)].append((item, skills, int(correct), float(prediction)))
    return [learners[key] for key in sorted(learners)]


def logit(p):
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def auc(outcomes, scores):
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank = [0.0] * len(scores)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        for k in range(start, end + 1):
            rank[order[k]] = (start + end) / 2 + 1
        start = end + 1
    right = sum(outcomes)
    wrong = len(outcomes) - right
    ranks = sum(rank[i] for i in range(len(outcomes)) if outcomes[i])
    return (ranks - right * (right + 1) / 2) / (right * wrong)


def solve(matrix, vector):
    size = len(vector)
    rows = [matrix[a][:] + [vector[a]] for a in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for r in range(size):
            if r != column:
                factor = rows[r][column] / rows[column][column]
                for k in range(column, size + 1):
                    rows[r][k] -= factor * rows[column][k]
    return [rows[a][size] / rows[a][a] for a in range(size)]


def newton(rows, weights, extra, precision, steps):
    """Newton steps on `weights` for rows (features, outcome, offset); `extra(row)` the rest."""
    size = len(weights)
    for _ in range(steps):
        gradient = [-precision * w for w in weights]
        hessian = [[precision * (a == b) for b in range(size)] for a in range(size)]
        for row in rows:
            x, y, offset = row[1], row[2], row[3]
            z = offset + extra(row) + sum(w * v for w, v in zip(weights, x))
            p = 1 / (1 + math.exp(-z))
            for a in range(size):
                gradient[a] += (y - p) * x[a]
                for b in range(size):
                    hessian[a][b] += p * (1 - p) * x[a] * x[b]
        step = solve(hessian, gradient)
        weights = [w + s for w, s in zip(weights, step)]
    return weights


def rows_of(learners, feature):
    return [
        (answers[t][0], feature(answers, t), answers[t][2], logit(answers[t][3]), place)
        for place, answers in enumerate(learners)
        for t in range(len(answers))
    ]


def screen_global(name, validation, feature):
    rows = [r[:4] + (r[4] % 2,) for r in rows_of(validation, lambda s, t: feature(s, t) + [1.0])]
    outcomes = [r[2] for r in rows]
    scores = [0.0] * len(rows)
    for fold in (0, 1):
        weights = [0.0] * len(rows[0][1])
        weights = newton([r for r in rows if r[4] != fold], weights, lambda r: 0.0, 1.0, 20)
        for i, r in enumerate(rows):
            if r[4] == fold:
                scores[i] = r[3] + sum(w * v for w, v in zip(weights, r[1]))
    base = auc(outcomes, [r[3] for r in rows])
    print(f"global  {name}: before {base:.4f}, with {auc(outcomes, scores):.4f}", flush=True)


def screen_per_item(name, validation, fitted_on, feature, precisions=(3, 10, 30)):
    train, scored = rows_of(fitted_on, feature), rows_of(validation, feature)
    size = len(train[0][1])
    by_item = collections.defaultdict(list)
    for r in train:
        by_item[r[0]].append(r)
    outcomes = [r[2] for r in scored]
    results = []
    for precision in precisions:
        shared, own = [0.0] * size, {}

        def own_part(r):
            return sum(w * v for w, v in zip(own.get(r[0], [0.0] * size), r[1]))

        def shared_part(r):
            return sum(w * v for w, v in zip(shared, r[1]))

        for _ in range(4):
            shared = newton(train, shared, own_part, 0.01, 2)
            for item, rows in by_item.items():
                own[item] = newton(rows, own.get(item, [0.0] * size), shared_part, precision, 2)
        scores = [r[3] + shared_part(r) + own_part(r) for r in scored]
        results.append(f"precision {precision} {auc(outcomes, scores):.4f}")
    base = auc(outcomes, [r[3] for r in scored])
    print(f"per-item {name}: before {base:.4f}, with " + ", ".join(results), flush=True)


def number(item):
    try:
        return int(item)
    except ValueError:
        return None


def last(answers, t, back=1):
    return answers[t - back][2] - 0.5 if t >= back else 0.0


def continuing(answers, t):
    """The previous answer was on the item whose id is one less (the step before, in Statics)."""
    if t == 0 or number(answers[t][0]) is None or number(answers[t - 1][0]) is None:
        return 0.0
    return float(number(answers[t][0]) - number(answers[t - 1][0]) == 1)


def skill_gap(answers, t):
    """(answers since the last one on this skill, its outcome ±1/2, its residual); 0s if none."""
    for k in range(t - 1, -1, -1):
        if answers[k][1] == answers[t][1]:
            return t - k, answers[k][2] - 0.5, answers[k][2] - answers[k][3]
    return 0, 0.0, 0.0


def item_memory(answers, t):
    for k in range(t - 1, -1, -1):
        if answers[k][0] == answers[t][0]:
            return [0.5, answers[k][2] - 0.5]
    return [0.0, 0.0]


def run_counts(answers, t):
    """ln(1 + wrong), ln(1 + right) in the run of consecutive ids before t, when t continues it."""
    if not continuing(answers, t):
        return [0.0, 0.0, 0.0]
    wrong = right = 0
    k = t - 1
    while k >= 0:
        wrong += answers[k][2] == 0
        right += answers[k][2] == 1
        if k == 0 or not continuing(answers, k):
            break
        k -= 1
    return [math.log1p(wrong), math.log1p(right), 1.0]


def residual_correlations(validation):
    def correlation(a, b):
        n = len(a)
        ma, mb = sum(a) / n, sum(b) / n
        cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
        return cov / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))

    for lag in (1, 2, 3, 5, 10, 20, 50):
        a, b = [], []
        for answers in validation:
            for t in range(lag, len(answers)):
                a.append(answers[t][2] - answers[t][3])
                b.append(answers[t - lag][2] - answers[t - lag][3])
        print(f"residual correlation at lag {lag}: {correlation(a, b):+.4f} ({len(a)} pairs)")


def screen(validation_path, fitted_on_path, *stacked_paths):
    validation, fitted_on = load(validation_path), load(fitted_on_path)
    for path in stacked_paths:
        other = load(path)
        place = {id(answers): k for k, answers in enumerate(validation)}
        screen_global(
            f"stacked logit of {path}", validation,
            lambda s, t, other=other, place=place: [logit(other[place[id(s)]][t][3])],
        )
    residual_correlations(validation)
    screen_global(
        "continuing, continuing x last", validation,
        lambda s, t: [continuing(s, t), continuing(s, t) * last(s, t)],
    )
    screen_global("run of consecutive ids: ln(1+wrong), ln(1+right), continuing",
                  validation, run_counts)
    screen_global(
        "last answer split by continuing, second last when continuing", validation,
        lambda s, t: [continuing(s, t), continuing(s, t) * last(s, t),
                      (1 - continuing(s, t)) * last(s, t), continuing(s, t) * last(s, t, 2)],
    )

    def skill_recency(s, t):
        gap, outcome, _ = skill_gap(s, t)
        return [float(gap > 30), float(gap > 30) * outcome, float(5 < gap <= 30) * outcome,
                math.log1p(gap) * outcome]

    screen_global("skill recency x last outcome on the skill", validation, skill_recency)

    def mean_residuals(s, t):
        residuals = [a[2] - a[3] for a in s[:t]]
        if not residuals:
            return [0.0, 0.0]
        recent = residuals[-30:][::-1]
        weighted = sum(0.9**k * r for k, r in enumerate(recent))
        return [sum(residuals) / (len(residuals) + 5),
                weighted / (sum(0.9**k for k in range(len(recent))) + 2)]

    screen_global("mean and recency-weighted residual so far", validation, mean_residuals)
    per_item = [
        ("continuing, continuing x last", lambda s, t: [0.5 * continuing(s, t),
                                                         continuing(s, t) * last(s, t)]),
        ("repeat, last outcome on the item", item_memory),
    ]
    for name, feature in per_item:
        screen_per_item(name, validation, fitted_on, feature)


if __name__ == "__main__":
    if sys.argv[1] == "split":
        split(*sys.argv[2:5])
    else:
        screen(*sys.argv[2:])
