#!/usr/bin/env python
from masa.__main__ import main

if __name__ == "__main__":
    main()
