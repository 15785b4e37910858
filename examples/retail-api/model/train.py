"""Trains the demand model at build time on synthetic sales data (nothing is downloaded).

Usage: python train.py OUTPUT_DIR  -> OUTPUT_DIR/model.joblib and OUTPUT_DIR/model.json
"""

import json
import sys
from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

FEATURES = ["price", "promotion", "day_of_week", "store_size"]
MODEL_VERSION = "demand-rf-1"


def synthetic_sales(rows: int, seed: int = 42) -> tuple[np.ndarray, np.ndarray]:
    """Daily units sold per store and product: cheaper, promoted, weekend, bigger store -> more."""
    rng = np.random.default_rng(seed)
    price = rng.uniform(0.5, 20.0, rows)
    promotion = rng.integers(0, 2, rows)
    day_of_week = rng.integers(0, 7, rows)
    store_size = rng.uniform(200, 5000, rows)
    weekend = (day_of_week >= 5).astype(float)
    units = 120 * np.exp(-price / 8) * (1 + 0.4 * promotion) * (1 + 0.25 * weekend) * (store_size / 1500) ** 0.6
    units += rng.normal(0, 3, rows)
    features = np.column_stack([price, promotion, day_of_week, store_size])
    return features, np.clip(units, 0, None)


def main(out_dir: str) -> None:
    features, units = synthetic_sales(4000)
    x_train, x_test, y_train, y_test = train_test_split(features, units, test_size=0.2, random_state=0)
    model = RandomForestRegressor(n_estimators=40, max_depth=10, random_state=0, n_jobs=1)
    model.fit(x_train, y_train)
    score = r2_score(y_test, model.predict(x_test))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib", compress=3)
    meta = {"version": MODEL_VERSION, "features": FEATURES, "r2_test": round(float(score), 4), "rows": len(units)}
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"trained {MODEL_VERSION}: r2 on held-out rows {score:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "model-out")
