"""Retail demand API: predicts daily units sold with the model trained at build time."""

import json
import os
from pathlib import Path

import joblib
import numpy as np
from fastapi import FastAPI
from pydantic import BaseModel, Field

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/opt/model"))
SERVICE_VERSION = "1.0.0"

model = joblib.load(MODEL_DIR / "model.joblib")
meta = json.loads((MODEL_DIR / "model.json").read_text())

app = FastAPI(title="retail-api", version=SERVICE_VERSION)


class Item(BaseModel):
    price: float = Field(gt=0, le=1000, description="shelf price")
    promotion: bool = False
    day_of_week: int = Field(ge=0, le=6, description="0 = Monday")
    store_size: float = Field(gt=0, le=100_000, description="square metres")


class PredictRequest(BaseModel):
    items: list[Item] = Field(min_length=1, max_length=1000)


class PredictResponse(BaseModel):
    model_version: str
    units: list[float]


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "model_version": meta["version"], "service_version": SERVICE_VERSION}


@app.post("/predict")
def predict(request: PredictRequest) -> PredictResponse:
    rows = np.array([[i.price, float(i.promotion), i.day_of_week, i.store_size] for i in request.items])
    units = [round(float(u), 2) for u in model.predict(rows)]
    return PredictResponse(model_version=meta["version"], units=units)
