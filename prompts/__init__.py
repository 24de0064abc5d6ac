"""The LLM prompt files (one validated TOML file per task), shipped as package data.

`assistant.critique.prompts` reads them from here; `ASSISTANT_PROMPTS_DIR` overrides the folder.
"""
