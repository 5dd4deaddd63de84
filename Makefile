# kazebatch — build, test, demo and benchmark. Needs Swift 6 and libssl-dev (OpenSSL 3).
SWIFT ?= swift
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

# XCTest only: the package has no swift-testing tests, and its empty run would print a
# misleading "0 tests" closing line after XCTest's real one.
test: check-openssl
	$(SWIFT) test --disable-swift-testing

# The main job: sample kyc, assign, set-pin and recharge batches against a sandbox that
# this command starts on 127.0.0.1 and stops again.
demo: release
	bash scripts/demo.sh

# Benchmarks; each writes its results to bench/*-results.md.
bench: release
	bash bench/crypto.sh
	bash bench/sandbox.sh
	bash bench/validate.sh
	bash bench/journal.sh
	bash bench/rate.sh
	bash bench/transport.sh

clean:
	rm -rf .build
