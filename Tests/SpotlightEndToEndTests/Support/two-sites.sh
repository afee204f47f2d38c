#!/usr/bin/env bash
# Two offices and one PostgreSQL on a real (virtual) network, for issue 14's proofs (DESIGN §12, design §10):
#
#   spot-a  10.213.1.2/24 (spa0) ──veth── (spa1) 10.213.1.1/24 ┐
#                                                               ├ spot-db: PostgreSQL on both addresses, port 5432
#   spot-b  10.213.2.2/24 (spb0) ──veth── (spb1) 10.213.2.1/24 ┘   TLS (our own CA) + scram-sha-256 for role spotlight
#
# Each site resolves db.spotlight.test to its own side's address (/etc/netns/spot-X/hosts, which
# `ip netns exec` mounts over /etc/hosts), so TLS is verified by name (verify-full) from both.
# Cutting a site: `ip -n spot-a link set spa0 down` (and `up`).
#
#   sudo Tests/SpotlightEndToEndTests/Support/two-sites.sh up     prints the URL, CA and password file
#   sudo Tests/SpotlightEndToEndTests/Support/two-sites.sh down   stops PostgreSQL, deletes all of it
#
# Root only. Touches nothing but its own: namespaces spot-db/spot-a/spot-b (deleting them deletes the
# veths), addresses in 10.213.0.0/16, /etc/netns/spot-*, and $SPOTLIGHT_TWO_SITES (default
# /tmp/spotlight-two-sites: data, socket, certificates, the password file, mode 0600).
set -Eeuo pipefail

DIR=${SPOTLIGHT_TWO_SITES:-/tmp/spotlight-two-sites}
PGBIN=${SPOTLIGHT_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
NAME=db.spotlight.test
NAMESPACES=(spot-db spot-a spot-b)

die() { echo "two-sites.sh: $*" >&2; exit 1; }
has_netns() { ip netns list | awk '{ print $1 }' | grep -qx "$1"; }

up() {
  [ "$(id -u)" -eq 0 ] || die "needs root (ip netns, runuser)"
  [ -x "$PGBIN/initdb" ] || die "no PostgreSQL server (install Debian's postgresql or set SPOTLIGHT_PGBIN)"
  for ns in "${NAMESPACES[@]}"; do
    ! has_netns "$ns" || die "namespace $ns exists already: run '$0 down' first"
  done
  [ ! -e "$DIR" ] || die "$DIR exists already: run '$0 down' first"
  trap 'echo "two-sites.sh: up failed, taking it down" >&2; down' ERR

  # The network.
  for ns in "${NAMESPACES[@]}"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
  ip link add spa0 type veth peer name spa1
  ip link set spa0 netns spot-a; ip link set spa1 netns spot-db
  ip link add spb0 type veth peer name spb1
  ip link set spb0 netns spot-b; ip link set spb1 netns spot-db
  ip -n spot-a addr add 10.213.1.2/24 dev spa0; ip -n spot-db addr add 10.213.1.1/24 dev spa1
  ip -n spot-b addr add 10.213.2.2/24 dev spb0; ip -n spot-db addr add 10.213.2.1/24 dev spb1
  for link in "spot-a spa0" "spot-db spa1" "spot-b spb0" "spot-db spb1"; do
    set -- $link; ip -n "$1" link set "$2" up
  done
  mkdir -p /etc/netns/spot-a /etc/netns/spot-b
  printf '127.0.0.1 localhost\n10.213.1.1 %s\n' "$NAME" > /etc/netns/spot-a/hosts
  printf '127.0.0.1 localhost\n10.213.2.1 %s\n' "$NAME" > /etc/netns/spot-b/hosts

  # Certificates: our own CA, the server's certificate for its name.
  mkdir -p "$DIR/tls" "$DIR/sock"
  chmod 755 "$DIR"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj "/CN=Spotlight two-sites CA" \
    -keyout "$DIR/tls/ca.key" -out "$DIR/tls/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$NAME" \
    -keyout "$DIR/tls/server.key" -out "$DIR/tls/server.csr" 2>/dev/null
  printf 'subjectAltName = DNS:%s\nbasicConstraints = critical, CA:FALSE\nextendedKeyUsage = serverAuth\n' "$NAME" \
    > "$DIR/tls/server.ext"
  openssl x509 -req -in "$DIR/tls/server.csr" -CA "$DIR/tls/ca.crt" -CAkey "$DIR/tls/ca.key" -CAcreateserial \
    -days 30 -extfile "$DIR/tls/server.ext" -out "$DIR/tls/server.crt" 2>/dev/null
  chown postgres:postgres "$DIR/tls/server.key" "$DIR/tls/server.crt" "$DIR/sock"
  chmod 600 "$DIR/tls/server.key"

  # PostgreSQL, as the postgres account, inside spot-db.
  install -d -o postgres -g postgres -m 700 "$DIR/data"
  install -o postgres -g postgres -m 600 /dev/null "$DIR/log"
  runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/data" -U spotlight_admin -E UTF8 --locale=C.UTF-8 -A peer --no-sync >/dev/null
  printf 'local all all peer map=spot\nhostssl spotlight spotlight 10.213.0.0/16 scram-sha-256\n' > "$DIR/data/pg_hba.conf"
  printf 'spot root spotlight_admin\nspot postgres spotlight_admin\n' > "$DIR/data/pg_ident.conf"
  cat >> "$DIR/data/postgresql.conf" <<EOF
# two-sites.sh: TLS, and a cut site's open transaction released within ~10 s (design §8)
ssl = on
ssl_cert_file = '$DIR/tls/server.crt'
ssl_key_file = '$DIR/tls/server.key'
password_encryption = 'scram-sha-256'
tcp_keepalives_idle = 5
tcp_keepalives_interval = 2
tcp_keepalives_count = 3
EOF
  ip netns exec spot-db runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
    -o "-h 10.213.1.1,10.213.2.1 -p 5432 -k $DIR/sock" start >/dev/null

  # The store's role and database; its password only in a file.
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DIR/pgpassword"
  chmod 600 "$DIR/pgpassword"
  local admin="postgresql://spotlight_admin@/postgres?host=$DIR/sock&port=5432"
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v pw="$(cat "$DIR/pgpassword")" -d "$admin" >/dev/null <<'SQL'
CREATE ROLE spotlight LOGIN PASSWORD :'pw';
CREATE DATABASE spotlight OWNER spotlight;
SQL
  trap - ERR

  echo "store URL (from spot-a or spot-b): postgresql://spotlight@$NAME/spotlight?sslrootcert=$DIR/tls/ca.crt"
  echo "password file: $DIR/pgpassword (root, 0600: copy it for the service account)"
  echo "admin (socket, root namespace): $admin"
}

down() {
  [ "$(id -u)" -eq 0 ] || die "needs root (ip netns)"
  if [ -e "$DIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  fi
  for ns in "${NAMESPACES[@]}"; do
    if has_netns "$ns"; then ip netns del "$ns"; fi
  done
  rm -rf /etc/netns/spot-db /etc/netns/spot-a /etc/netns/spot-b
  rm -rf "$DIR"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
