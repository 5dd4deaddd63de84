# kazebatch — build, test, demo and benchmark. Needs Swift 6 and libssl-dev (OpenSSL 3).
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)

.PHONY: build release test demo bench clean check-openssl

check-openssl:
	@pkg-config --exists openssl || { \
	  echo "kazebatch needs the OpenSSL development files (libssl-dev) and pkg-config."; \
	  echo "Install them with:  sudo apt-get install -y libssl-dev pkg-config"; \
	  echo "(macOS: brew install openssl@3 pkg-config)"; exit 2; }

build: check-openssl
	$(SWIFT) build

release: check-openssl
	$(SWIFT) build -c release

test: check-openssl
	$(SWIFT) test

demo: release
	@echo "make demo: not yet — arrives with the sandbox and the run engine"

bench: release
	bash bench/validate.sh

clean:
	rm -rf .build
