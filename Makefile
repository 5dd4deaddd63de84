# kazebatch — build, test, demo and benchmark. Needs Swift 6 and libssl-dev (OpenSSL 3).
SWIFT ?= swift
.PHONY: build release test lint format demo bench bench-full bench-components chaos fuzz sanitize clean check-openssl

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
# misleading "0 tests" closing line after XCTest's real one. Every target but the chaos
# matrix: the unit targets and KazeEndToEndTests (the built binary and sandbox processes).
test: check-openssl lint
	$(SWIFT) test --disable-swift-testing --skip KazeChaosTests

# The code's format and style, by the swift-format that ships with the toolchain and the
# committed .swift-format (4 spaces, 140 columns); part of `make test`, so CI checks it.
# `make format` rewrites the files to match.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

# The chaos matrix: recharge, set-status and assign batches against a misbehaving sandbox,
# SIGKILLed and followed up; prints the table (also in .build/chaos-table.md). Quick mode is
# bounded to about 10 minutes on 2 cores; CHAOS_FULL=1 runs more rows, kills and cells,
# CHAOS_SEED=N replays, CHAOS_CELLS=late,all picks cells by name.
chaos: check-openssl
	$(SWIFT) build
	timeout 3000 $(SWIFT) test --disable-swift-testing --filter KazeChaosTests

# libFuzzer targets (Tests/Fuzz/<target>/), built with AddressSanitizer in .build/fuzz: each runs
# FUZZ_SECONDS (default 60) from its seed corpus and the build fails on any crash.
# FUZZ_TARGETS="csv-reader config" picks targets; FUZZ_RSS_MB sets libFuzzer's memory limit.
fuzz: check-openssl
	timeout 7200 bash scripts/fuzz.sh

# The XCTest suite (same skip as `make test`) under AddressSanitizer, then ThreadSanitizer, each
# in its own build folder (.build/asan, .build/tsan) so the normal build stays as it is; process
# tests run the sanitized kazebatch of that folder, and LeakSanitizer checks those processes (the
# runner's own check is off: Tests/KazeTestSupport/LeakCheckHook.swift says why). LeakSanitizer
# suppressions, each with its reason: Tests/Sanitizers/lsan.supp; ThreadSanitizer needs none.
# JournalWriteFailureTests are left out of the ThreadSanitizer run: they give the child a 16 KB
# file-size limit (RLIMIT_FSIZE), under which ThreadSanitizer's own runtime dies with SIGBUS.
sanitize: check-openssl
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
	  timeout 3600 $(SWIFT) test --disable-swift-testing --skip KazeChaosTests --sanitize=address --scratch-path .build/asan
	TSAN_OPTIONS=halt_on_error=1 \
	  timeout 5400 $(SWIFT) test --disable-swift-testing --skip KazeChaosTests --skip JournalWriteFailureTests \
	  --sanitize=thread --scratch-path .build/tsan

# The main job: every sample batch, in the order of a card's life, against a sandbox that
# this command starts on 127.0.0.1 and stops again.
demo: release
	bash scripts/demo.sh

# Benchmarks (issue #16): one table, bench/RESULTS.md, every figure next to its reference measured
# in the same run. `bench` is the quick mode (under 5 minutes on 2 shared cores); `bench-full` runs
# the sizes the targets name (about 15 minutes). Raw figures and outputs go to bench/raw/.
bench: release
	bash bench/all.sh quick

bench-full: release
	bash bench/all.sh full

# The component benchmarks outside the table; each writes bench/<name>-results.md.
bench-components: release
	bash bench/crypto.sh
	bash bench/sandbox.sh
	bash bench/transport.sh

clean:
	rm -rf .build
