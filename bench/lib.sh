# bench/lib.sh — set-up shared by the benchmark scripts (sourced, not run).

# closed_port_config BIN WORK: keys and WORK/config.json for an endpoint on a loopback port that
# nothing listens on — nothing is sent, and nothing could be.
closed_port_config() {
  "$1" keys generate "$2/keys" > /dev/null
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf '{"endpoint": "http://127.0.0.1:%s/", "sysId": "bench", "merchantKey": "keys/merchant.pem", "platformPublicKey": "keys/merchant.pub"}\n' \
    "$port" > "$2/config.json"
  chmod 600 "$2/config.json"
}

# start_sandbox BIN DIR [SANDBOX OPTIONS...]: starts `kazebatch sandbox` on a free port with its
# state (and kazebatch.json) in DIR, sets SANDBOX_PID, and waits until it listens.
start_sandbox() {
  local bin=$1 dir=$2; shift 2
  "$bin" sandbox --port 0 --dir "$dir" "$@" > "$dir.out" 2>&1 &
  SANDBOX_PID=$!
  for _ in $(seq 1 100); do grep -q listening "$dir.out" 2>/dev/null && return 0; sleep 0.1; done
  echo "sandbox did not start" >&2; cat "$dir.out" >&2; exit 1
}
