/* One writer of pg_sites_bench.py's vote figure, in C as pgbench's own client is: run as a writer
 * account, it connects to a broker's Unix socket, prints "ready", waits for a line on stdin, then
 * votes on each story id of argv[2] (comma-separated) over that one keep-alive connection, one
 * request at a time, and prints one line per vote: "<story> <status> <body>" (body only when the
 * status is not 2xx, up to 200 bytes, newlines as spaces).
 *
 * Usage: vote_worker SOCKET IDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static char buffer[1 << 16];
static size_t filled;

/* Reads more of the answer; exits on end of stream or error (the broker went away). */
static void more(int fd) {
    if (filled == sizeof buffer) { fputs("vote_worker: answer too long\n", stderr); exit(1); }
    ssize_t n = read(fd, buffer + filled, sizeof buffer - filled);
    if (n <= 0) { fputs("vote_worker: the broker closed the connection\n", stderr); exit(1); }
    filled += (size_t)n;
}

/* One HTTP/1.1 answer with Content-Length: its status, its body copied to `body` (NUL-ended). */
static int answer(int fd, char *body, size_t room) {
    char *end;
    for (;;) {
        buffer[filled < sizeof buffer ? filled : sizeof buffer - 1] = 0;
        if ((end = strstr(buffer, "\r\n\r\n")) != NULL) break;
        more(fd);
    }
    int status = atoi(strchr(buffer, ' ') + 1);
    long length = -1;
    for (char *line = strstr(buffer, "\r\n"); line && line < end; line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, "content-length:", 15) == 0) length = atol(line + 17);
    }
    if (length < 0) { fputs("vote_worker: an answer without Content-Length\n", stderr); exit(1); }
    size_t head = (size_t)(end + 4 - buffer), total = head + (size_t)length;
    while (filled < total) more(fd);
    size_t copy = (size_t)length < room - 1 ? (size_t)length : room - 1;
    memcpy(body, buffer + head, copy);
    body[copy] = 0;
    memmove(buffer, buffer + total, filled - total);
    filled -= total;
    return status;
}

int main(int argc, char **argv) {
    if (argc != 3) { fputs("usage: vote_worker SOCKET IDS\n", stderr); return 2; }
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    if (strlen(argv[1]) >= sizeof address.sun_path) { fputs("vote_worker: socket path too long\n", stderr); return 2; }
    strcpy(address.sun_path, argv[1]);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) { perror("vote_worker: connect"); return 1; }

    size_t count = 1;
    for (char *c = argv[2]; *c; c++) count += *c == ',';
    long *ids = calloc(count, sizeof *ids);
    int *statuses = calloc(count, sizeof *statuses);
    char (*bodies)[201] = calloc(count, sizeof *bodies);
    char *next = argv[2];
    for (size_t i = 0; i < count; i++) ids[i] = strtol(next, &next, 10), next += *next == ',';

    printf("ready\n");
    fflush(stdout);
    char go[16];
    if (!fgets(go, sizeof go, stdin)) return 1;

    char request[128];
    for (size_t i = 0; i < count; i++) {
        int length = snprintf(request, sizeof request,
                              "POST /v1/stories/%ld/vote HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n", ids[i]);
        if (write(fd, request, (size_t)length) != length) { perror("vote_worker: write"); return 1; }
        statuses[i] = answer(fd, bodies[i], sizeof bodies[i]);
    }
    for (size_t i = 0; i < count; i++) {
        char *body = statuses[i] / 100 == 2 ? "" : bodies[i];
        for (char *c = body; *c; c++) if (*c == '\n' || *c == '\r') *c = ' ';
        printf("%ld %d %s\n", ids[i], statuses[i], body);
    }
    return 0;
}
