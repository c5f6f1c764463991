"""Rules as data: JSON/JSONL rule files, installed as ``extractor.patterns``."""
