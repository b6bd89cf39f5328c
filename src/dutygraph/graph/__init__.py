"""Graph model, stores, analysis and drawing (built from loader records)."""
