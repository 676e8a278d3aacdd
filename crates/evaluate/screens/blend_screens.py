"""Blend screens of branch model13i (crates/evaluate/README.md): does a second, differently
updated predictor add anything to `widget` when their logits are blended?

Reads `evaluate kt --predictions PREFIX` files (learner, item_id, skill_id, correct, prediction):

    V       the validation learners' predictions (`kt --train X_train.tsv --validate`)
    AB, BA  the fit-train learners' predictions by models fitted on the other half of them
            (`residual_screens.py split` writes A and B; `kt --train A.tsv --test B.tsv` and
            the other way), so that blend weights are fitted on predictions of unseen learners

`cross V AB BA` reads PREFIX.widget and PREFIX.elo of each, fits each blend's weights on AB and
BA together and scores V; beside it, the same blend fitted on V itself (in-sample: an upper bound
no deployable blend reaches). The blends: a logistic regression on `widget`'s logit with `elo`'s
logit, their product, both gated by ln(1 + answers so far), and "fast" abilities: a global and a
per-skill ability with a constant step K moved by the residual of `widget` or of `elo` (an Elo on
the model's residual), for K 0.1, 0.3 and 1.

`insample FILE FILE...` blends any prediction files of the same learners, fitted and scored on
the same answers (an upper bound). Standard library only; about a minute a file.

    python3 blend_screens.py cross statics_V statics_AB statics_BA
    python3 blend_screens.py insample V.ours Vfast.ours Vslow.ours V.elo
"""

import math
import sys

from residual_screens import auc, load, logit, newton


def answers_of(prefix, models, step):
    """Each answer of the prefix's files: (learner, place, correct, named features)."""
    per_model = [load(f"{prefix}.{model}") for model in models]
    rows = []
    for learner, learners in enumerate(zip(*per_model)):
        fast = [dict() for _ in models]
        for place, answers in enumerate(zip(*learners)):
            item, skills, correct, _ = answers[0]
            assert all(a[0] == item and a[2] == correct for a in answers)
            skills = skills.split(",") if skills else []
            features = {}
            for m, (model, answer) in enumerate(zip(models, answers)):
                z = logit(answer[3])
                overall = fast[m].get(None, 0.0)
                skill = sum(fast[m].get(s, 0.0) for s in skills) / len(skills) if skills else 0.0
                features[model] = z
                features[f"fast {model}"] = overall
                features[f"fast {model} skill"] = skill
                residual = correct - 1 / (1 + math.exp(-(z + overall + skill)))
                for key in [None] + skills:
                    fast[m][key] = fast[m].get(key, 0.0) + step * residual
            features["place"] = math.log1p(place) / 7
            rows.append((learner, place, correct, features))
    return rows


BLENDS = {
    "widget alone, recalibrated": lambda f: [f["widget"]],
    "widget + elo": lambda f: [f["widget"], f["elo"]],
    "widget + elo + their product": lambda f: [f["widget"], f["elo"], f["widget"] * f["elo"] / 4],
    "widget + elo, both gated by answers so far": lambda f: [
        f["widget"], f["elo"], f["place"], f["widget"] * f["place"], f["elo"] * f["place"]],
    "widget + fast(widget)": lambda f: [f["widget"], f["fast widget"], f["fast widget skill"]],
    "widget + elo + fast(elo)": lambda f: [
        f["widget"], f["elo"], f["fast elo"], f["fast elo skill"]],
    "widget + elo + fast(elo) + fast(widget)": lambda f: [
        f["widget"], f["elo"], f["fast elo"], f["fast elo skill"], f["fast widget"],
        f["fast widget skill"]],
}
FAST_ONLY = [name for name in BLENDS if "fast" in name]


def fit(rows, blend):
    """Intercept and weights of a logistic regression (precision 0.001), from widget alone."""
    data = [(None, blend(r[3]) + [1.0], r[2], 0.0) for r in rows]
    start = [0.0] * len(data[0][1])
    start[0] = 1.0
    return newton(data, start, lambda row: 0.0, 1e-3, 8)


def scored(rows, blend, weights):
    outcomes = [r[2] for r in rows]
    logits = [sum(w * v for w, v in zip(weights, blend(r[3]) + [1.0])) for r in rows]
    loss = -sum(
        math.log(1 / (1 + math.exp(-z))) if y else math.log(1 / (1 + math.exp(z)))
        for y, z in zip(outcomes, logits)
    ) / len(rows)
    return auc(outcomes, logits), loss


def cross(validation_prefix, ab_prefix, ba_prefix):
    for step in (0.3, 0.1, 1.0):
        validation = answers_of(validation_prefix, ["widget", "elo"], step)
        fit_train = answers_of(ab_prefix, ["widget", "elo"], step) + answers_of(
            ba_prefix, ["widget", "elo"], step)
        outcomes = [r[2] for r in validation]
        if step == 0.3:
            print(f"validation answers {len(validation)}, fit-train answers {len(fit_train)}")
            for model in ("widget", "elo"):
                on_fit_train = auc([r[2] for r in fit_train], [r[3][model] for r in fit_train])
                alone = auc(outcomes, [r[3][model] for r in validation])
                print(f"{model} alone: validation AUC {alone:.4f}, "
                      f"fit-train (cross-fitted) {on_fit_train:.4f}")
        for name, blend in BLENDS.items():
            if step != 0.3 and name not in FAST_ONLY:
                continue
            weights = fit(fit_train, blend)
            own = fit(validation, blend)
            label = f"{name} (K {step})" if name in FAST_ONLY else name
            figures = scored(validation, blend, weights) + scored(validation, blend, own)
            print("{}: weights {} -> validation AUC {:.4f}, log-loss {:.4f}; "
                  "in-sample {:.4f}, {:.4f}".format(
                      label, " ".join(f"{w:.3f}" for w in weights), *figures), flush=True)


def insample(*paths):
    per_file = [[a for answers in load(path) for a in answers] for path in paths]
    outcomes = [a[2] for a in per_file[0]]
    for path, answers in zip(paths, per_file):
        assert [a[2] for a in answers] == outcomes
        print(f"{path}: AUC {auc(outcomes, [a[3] for a in answers]):.4f}")
    rows = [(0, 0, y, {k: logit(f[t][3]) for k, f in enumerate(per_file)})
            for t, y in enumerate(outcomes)]

    def blend(features):
        return [features[k] for k in range(len(paths))]

    weights = fit(rows, blend)
    print("in-sample blend: weights {} AUC {:.4f}, log-loss {:.4f}".format(
        " ".join(f"{w:.3f}" for w in weights), *scored(rows, blend, weights)))


if __name__ == "__main__":
    {"cross": cross, "insample": insample}[sys.argv[1]](*sys.argv[2:])
