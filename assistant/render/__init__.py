"""Core renderers: the terminal and JSON, and the neutral presentation data chat platforms share."""
