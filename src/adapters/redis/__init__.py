"""Redis adapters: state shared by every worker process and host."""
