"""In-process adapters: state that lives as long as the process (the embedded setup)."""
