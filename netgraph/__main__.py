"""Run the command-line interface: ``python -m netgraph``."""

from netgraph.cli import main

if __name__ == "__main__":
    main()
