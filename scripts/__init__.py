"""Build tooling for the site. Each module does one job and runs as `python -m scripts.NAME`."""
