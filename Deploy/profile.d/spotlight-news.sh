# Service Spotlight: one line at login about what is new on the board since your last visit,
# e.g. "3 new stories since your last visit — type `spotlight`". Nothing when nothing is new.
#
# Install as /etc/profile.d/spotlight-news.sh (mode 0644; login shells source it). It is a
# profile.d snippet and not an /etc/update-motd.d script because pam_motd runs those as root, once,
# for whoever logs in: "your last visit" needs the person's own account, which a login shell has.
# It must never get in the way of a login: silent on any problem (no spotlight, no board, a
# damaged marks file), at most 2 seconds, and it defines nothing in your shell. About 10-20 ms.
#
#   SPOTLIGHT_BIN   the binary (default: spotlight on PATH, then /usr/local/bin, /usr/bin)

if [ -t 1 ]; then
    _spotlight_bin=${SPOTLIGHT_BIN:-$(command -v spotlight 2>/dev/null)}
    for _spotlight_candidate in /usr/local/bin/spotlight /usr/bin/spotlight; do
        [ -n "$_spotlight_bin" ] && break
        [ -x "$_spotlight_candidate" ] && _spotlight_bin=$_spotlight_candidate
    done
    if [ -n "$_spotlight_bin" ] && [ -x "$_spotlight_bin" ]; then
        _spotlight_limit=
        command -v timeout >/dev/null 2>&1 && _spotlight_limit="timeout 2"
        _spotlight_line=$($_spotlight_limit "$_spotlight_bin" news --banner </dev/null 2>/dev/null) || _spotlight_line=
        [ -n "$_spotlight_line" ] && printf '%s\n' "$_spotlight_line"
    fi
    unset _spotlight_bin _spotlight_candidate _spotlight_limit _spotlight_line
fi
