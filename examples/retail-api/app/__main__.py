"""python -m app: serves the API with uvicorn on $PORT (default 8000)."""

import os

import uvicorn

uvicorn.run("app.main:app", host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", "8000")))
