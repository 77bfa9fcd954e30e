#!/usr/bin/env python3
"""pty_run.py - run a program in a pseudo-terminal and time what it draws.

Helper of scripts/bench.mjs (Python 3 standard library only, Linux). Reads one JSON
job from the file named by argv[1] ("-" = stdin) and prints one JSON result on stdout.
Progress and errors go to stderr. Exit status: 0 when every run is ok, 1 when a
measurement failed (the result still describes what happened), 2 on a bad job.

Job fields (times in ms unless named *_s):
  cmd            [argv...]; executed directly (no shell), so the measured pid is the program
  env            the complete environment of the program
  cols, rows     pty size (default 120 x 40)
  mode           "exit": time spawn -> exit (e.g. `node -e 0`)
                 "tui":  time spawn -> first frame, then key presses, then quit
  runs           number of measured runs; warmup: extra unreported runs first
  first_marker   [k, n]: the first frame is there when the ANSI-stripped output contains
                 "k/n" (not preceded or followed by a digit or "/")
  slide_markers  optional list of regular expressions, one per slide: slide k is shown when
                 the output contains slide_markers[k-1] (instead of "k/n")
  transitions    how many next-slide keys to send, in the first measured run only
                 (the other runs only measure the first frame and quitting)
  next_key       the bytes to send (default ESC [ C, the Right arrow)
  quiet          a frame is complete when the output has been quiet this long (default 30)
  settle         before the next key, wait until the output has been quiet this long
                 (default 150, at most 3 s): trailing animation frames come and go first
  stall, silent  a key that brought output but not the next "k/n" within `stall` ms of
                 silence (default 250), or no output at all for `silent` ms (default 2000),
                 was taken for something else (lectern: it finished a typing animation);
                 the key is sent again, up to 3 times, and the transition is timed from the
                 last press (extra_keys, finish_bytes record what happened)
  timeout_first_s, timeout_key_s, quit_wait_s   limits of every wait (30, 5, 2)

Per run: first_byte_ms / first_frame_ms (marker seen) / first_frame_complete_ms (last byte
of the burst that contains the marker) measured from fork(); then for each key press:
first_byte_ms (write -> first byte), marker_ms (write -> "k/n" seen), complete_ms (write ->
last byte before `quiet` ms of silence), bytes (write -> complete), late_bytes (after complete, before the next key: animation frames
that came more than `quiet` ms apart), clears (ESC[2J in those
bytes), syncs (ESC[?2026h, one per Ink frame); hwm_kb/rss_kb: VmHWM/VmRSS of the program
from /proc just before the quit key; quit: exited within quit_wait_s?, exit_ms, code.
"""
import fcntl
import json
import os
import re
import select
import signal
import struct
import sys
import termios
import time

now = time.perf_counter

ESC_SEQ = (rb'\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]'          # CSI
           rb'|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)'                    # OSC
           rb'|\x1b[PX^_][^\x1b]*\x1b\\'                             # DCS, SOS, PM, APC
           rb'|\x1b[\x20-\x2f]*[\x30-\x7e]')                         # other escapes
STRIP_RE = re.compile(ESC_SEQ + rb'|[\x00-\x09\x0b-\x1f\x7f]')

# terminal queries a program might wait for, answered like a real terminal would
QUERY_RE = re.compile(rb'\x1b\[(\?)?6n|\x1b\[0?c|\x1b\[>0?c|\x1b\[5n|\x1b\[1([48])t|\x1b\](1[01]);\?(\x07|\x1b\\)')


def strip(data):
    return STRIP_RE.sub(b'', data).decode('utf-8', 'replace')


def marker_re(k, n):
    return re.compile(r'(?<![0-9/])' + re.escape(f'{k}/{n}') + r'(?![0-9/])')


def marker_for(job, k, n):
    """The "k/n" status marker, or the job's own text for slide k (slide_markers, for
    players that show no "k/n": the bench tags each slide of a peer's deck)."""
    texts = job.get('slide_markers')
    if texts and 1 <= k <= len(texts):
        return re.compile(texts[k - 1])
    return marker_re(k, n)


def ms(t):
    return None if t is None else round(t * 1000.0, 3)


def read_status(pid):
    out = {}
    try:
        with open(f'/proc/{pid}/status', 'rb') as f:
            for line in f.read().split(b'\n'):
                if line.startswith((b'VmHWM:', b'VmRSS:')):
                    out[line[:5].decode().lower()] = int(line.split()[1])
    except OSError:
        pass
    return out


def set_pdeathsig():
    """Child side: SIGKILL the program if this driver dies."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


LIVE = []   # sessions whose program may still run (for the signal handler)


def on_signal(signum, _frame):
    for s in LIVE:
        s.kill()
    print(f'pty_run: interrupted by signal {signum}', file=sys.stderr)
    os._exit(128 + signum)


class Session:
    def __init__(self, cmd, env, cols, rows):
        self.cols, self.rows = cols, rows
        self.raw = bytearray()
        self.eof = False
        self.exit_status = None
        self.exit_t = None
        self.queries = {}
        self.q_pos = 0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
        # close-on-exec pipe: EOF means exec() happened; data means it failed
        exec_r, exec_w = os.pipe2(os.O_CLOEXEC)
        self.t0 = now()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(exec_r)
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGQUIT):
                    signal.signal(sig, signal.SIG_DFL)
                set_pdeathsig()
                os.execvpe(cmd[0], cmd, env)
            except BaseException as e:  # noqa: BLE001
                try:
                    os.write(exec_w, f'cannot run {cmd[0]}: {e}'.encode())
                finally:
                    os._exit(127)
        self.pid = pid
        LIVE.append(self)
        os.close(slave)
        os.close(exec_w)
        err = b''
        while True:
            chunk = os.read(exec_r, 4096)
            if not chunk:
                break
            err += chunk
        os.close(exec_r)
        self.fd = master
        fcntl.fcntl(master, fcntl.F_SETFL, fcntl.fcntl(master, fcntl.F_GETFL) | os.O_NONBLOCK)
        self.pidfd = None
        if hasattr(os, 'pidfd_open'):
            try:
                self.pidfd = os.pidfd_open(pid)
            except OSError:
                self.pidfd = None
        if err:
            self.wait_exit(5.0)
            self.close()
            raise RuntimeError(err.decode(errors='replace'))

    # -- process state -------------------------------------------------------
    def check_exit(self):
        if self.exit_status is None:
            try:
                p, st = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                p, st = self.pid, 0
            if p == self.pid:
                self.exit_status, self.exit_t = st, now()
                if self in LIVE:
                    LIVE.remove(self)
        return self.exit_status is not None

    def kill(self):
        if not self.check_exit():
            try:
                os.kill(self.pid, signal.SIGKILL)   # only the process this driver started
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.exit_status = self.exit_status if self.exit_status is not None else -9
            if self in LIVE:
                LIVE.remove(self)

    def exit_code(self):
        st = self.exit_status
        if st is None or st < 0:
            return None
        return os.waitstatus_to_exitcode(st)

    def close(self):
        for fd in (self.fd, self.pidfd):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.fd = self.pidfd = None

    # -- I/O -------------------------------------------------------------
    def read(self, wait):
        """Waits up to `wait` s for output or exit. Returns the time of new data or None."""
        fds = [] if self.eof else [self.fd]
        if self.pidfd is not None and self.exit_status is None:
            fds.append(self.pidfd)
        if not fds:
            time.sleep(max(0.0, min(wait, 0.005)))
            self.check_exit()
            return None
        try:
            ready, _, _ = select.select(fds, [], [], max(0.0, wait))
        except InterruptedError:
            ready = []
        t = now()
        if self.pidfd is not None and self.pidfd in ready:
            self.check_exit()
        if self.pidfd is None and not ready:
            self.check_exit()
        if self.fd not in ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return None
        except OSError:   # EIO: every copy of the slave side is closed
            self.eof = True
            self.check_exit()
            return None
        if not data:
            self.eof = True
            return None
        self.raw += data
        if b'\x1b' in data:
            self.answer_queries(len(data))
        return t

    def answer_queries(self, n):
        for m in QUERY_RE.finditer(self.raw, max(self.q_pos, len(self.raw) - n - 32)):
            self.q_pos = m.end()
            seq = m.group(0)
            if seq.endswith(b'6n'):
                reply, name = ('\x1b[?1;1R' if m.group(1) else '\x1b[1;1R'), 'CPR'
            elif seq.startswith(b'\x1b[>'):
                reply, name = '\x1b[>0;276;0c', 'DA2'
            elif seq.endswith(b'c'):
                reply, name = '\x1b[?1;2c', 'DA1'
            elif seq.endswith(b'5n'):
                reply, name = '\x1b[0n', 'DSR'
            elif m.group(2):
                reply = (f'\x1b[8;{self.rows};{self.cols}t' if m.group(2) == b'8'
                         else f'\x1b[4;{self.rows * 16};{self.cols * 8}t')
                name = 'XTWINOPS'
            else:
                which = m.group(3).decode()
                colour = 'rgb:d0d0/d0d0/d0d0' if which == '10' else 'rgb:0000/0000/0000'
                reply, name = f'\x1b]{which};{colour}{m.group(4).decode("latin-1")}', 'OSC' + which
            self.queries[name] = self.queries.get(name, 0) + 1
            try:
                os.write(self.fd, reply.encode())
            except OSError:
                pass

    def send(self, data):
        t = now()
        os.write(self.fd, data)
        return t

    def settle(self, quiet_s, limit_s):
        """Reads until the output has been quiet for quiet_s (at most limit_s); returns the
        number of bytes that arrived meanwhile."""
        start = len(self.raw)
        t0 = last = now()
        while not (self.eof and self.exit_status is not None):
            t = now()
            if t - last >= quiet_s or t - t0 >= limit_s:
                break
            got = self.read(min(last + quiet_s, t0 + limit_s) - t)
            if got is not None:
                last = got
        return len(self.raw) - start

    def wait_frame(self, t_start, marker, quiet_s, timeout_s, stall_s=None, silent_s=None):
        """Waits until `marker` shows in the output written from now on and the output has
        then been quiet for quiet_s. Times are absolute (perf_counter). With stall_s, gives up
        ("stalled") when output came but no marker, and then stall_s of silence passed, or
        when nothing at all came for silent_s: the key was taken for something else."""
        off0 = len(self.raw)
        first_t = last_t = marker_t = None
        deadline = t_start + timeout_s
        status = 'ok'
        while True:
            t = now()
            if marker_t is not None and t - last_t >= quiet_s:
                break
            if t >= deadline:
                status = 'timeout' if marker_t is None else 'no-quiet'
                break
            if marker_t is None and stall_s is not None and (
                    t - last_t >= stall_s if last_t is not None else t - t_start >= silent_s):
                status = 'stalled'
                break
            if self.exit_status is not None and (self.eof or self.pidfd is not None):
                # drain what the program wrote before it exited
                while self.read(0.0) is not None:
                    pass
                if marker_t is None and marker.search(strip(bytes(self.raw[off0:]))):
                    marker_t = last_t = now()
                status = 'exited'
                break
            if marker_t is not None:
                wait = min(deadline - t, last_t + quiet_s - t)
            elif stall_s is not None:
                wait = min(deadline - t, last_t + stall_s - t if last_t is not None else t_start + silent_s - t)
            else:
                wait = deadline - t
            got = self.read(max(0.0, wait))
            if got is None:
                continue
            first_t = first_t or got
            last_t = got
            if marker_t is None and marker.search(strip(bytes(self.raw[off0:]))):
                marker_t = got
        return dict(status=status, off0=off0, off1=len(self.raw), first_t=first_t, marker_t=marker_t, last_t=last_t)

    def wait_exit(self, seconds):
        end = now() + seconds
        while self.exit_status is None and now() < end:
            self.read(min(0.01, end - now()) if self.pidfd is None else end - now())
        return self.check_exit()

    def tail_text(self, n=600):
        return strip(bytes(self.raw[-8000:]))[-n:]


def rel(t, t0):
    return None if t is None else ms(t - t0)


def run_exit(job):
    s = Session(job['cmd'], job['env'], job.get('cols', 120), job.get('rows', 40))
    ok = s.wait_exit(job.get('timeout_first_s', 30))
    rec = {'exit_ms': rel(s.exit_t, s.t0) if ok else None}
    if not ok:
        s.kill()
        rec['status'] = 'timeout'
    else:
        rec['status'] = 'ok' if s.exit_code() == 0 else 'failed'
        rec['code'] = s.exit_code()
    s.close()
    return rec


def run_tui(job, transitions):
    cols, rows = job.get('cols', 120), job.get('rows', 40)
    quiet_s = job.get('quiet', 30) / 1000.0
    settle_s = job.get('settle', 150) / 1000.0
    stall_s = job.get('stall', 250) / 1000.0
    silent_s = job.get('silent', 2000) / 1000.0
    k, n = job['first_marker']
    s = Session(job['cmd'], job['env'], cols, rows)
    try:
        f = s.wait_frame(s.t0, marker_for(job, k, n), quiet_s, job.get('timeout_first_s', 30))
        first = bytes(s.raw[:f['off1']])
        rec = {
            'status': f['status'],
            'first_byte_ms': rel(f['first_t'], s.t0),
            'first_frame_ms': rel(f['marker_t'], s.t0),
            'first_frame_complete_ms': rel(f['last_t'], s.t0) if f['marker_t'] else None,
            'first_frame_bytes': f['off1'],
            'first_frame_clears': first.count(b'\x1b[2J'),
            'first_frame_syncs': first.count(b'\x1b[?2026h'),
            'transitions': [],
        }
        if f['status'] != 'ok':
            rec['error'] = f'first frame: {f["status"]} (no "{k}/{n}" seen); screen text at the end: {s.tail_text()!r}'
            return rec
        key = job.get('next_key', '\x1b[C').encode('latin-1')
        if job.get('key_at_paint'):
            # the key the moment the first frame is up (its burst over): spawn -> next slide shown
            tk = s.send(key)
            g = s.wait_frame(tk, marker_for(job, k + 1, n), quiet_s, job.get('timeout_key_s', 5))
            rec['interactive_ms'] = rel(g['marker_t'], s.t0) if g['marker_t'] else None
            if g['status'] != 'ok':
                rec['status'] = 'key-' + g['status']
                rec['error'] = f'key at first paint: {g["status"]} waiting for "{k + 1}/{n}"; screen text at the end: {s.tail_text()!r}'
                return rec
            k, transitions = k + 1, 0
        # what is written after the first frame with no key pressed (a takeover that redraws it)
        rec['late_bytes_first'] = s.settle(settle_s, 3.0)
        pos = k
        for i in range(transitions):
            if pos >= n and not job.get('key_list'):
                break
            pos += 1
            if job.get('key_list'):
                if i >= len(job['key_list']):
                    break
                key, pos = job['key_list'][i][0].encode('latin-1'), job['key_list'][i][1]
            marker = marker_for(job, pos, n)
            extra, finish_bytes = 0, 0
            tk = s.send(key)
            while True:
                # a key during an animation finishes it instead of moving: press again
                g = s.wait_frame(tk, marker, quiet_s, job.get('timeout_key_s', 5),
                                 stall_s if extra < 3 else None, silent_s)
                if g['status'] != 'stalled':
                    break
                extra += 1
                finish_bytes += g['off1'] - g['off0']
                tk = s.send(key)
            chunk = bytes(s.raw[g['off0']:g['off1']])
            tr = {
                'to': pos, 'status': g['status'], 'extra_keys': extra, 'finish_bytes': finish_bytes,
                'first_byte_ms': rel(g['first_t'], tk),
                'marker_ms': rel(g['marker_t'], tk),
                'complete_ms': rel(g['last_t'], tk) if g['marker_t'] else None,
                'bytes': len(chunk),
                'clears': chunk.count(b'\x1b[2J'),
                'syncs': chunk.count(b'\x1b[?2026h'),
            }
            tr['late_bytes'] = s.settle(settle_s, 3.0) if g['status'] == 'ok' else 0
            rec['transitions'].append(tr)
            if g['status'] != 'ok':
                rec['status'] = 'key-' + g['status']
                rec['error'] = (f'key {i + 1}: {g["status"]} waiting for "{pos}/{n}"; '
                                f'screen text at the end: {s.tail_text()!r}')
                return rec
        st = read_status(s.pid)
        rec['hwm_kb'], rec['rss_kb'] = st.get('vmhwm'), st.get('vmrss')
        tq = s.send(job.get('quit_key', 'q').encode('latin-1'))
        exited = s.wait_exit(job.get('quit_wait_s', 2.0))
        rec['quit'] = {'exited': exited, 'exit_ms': rel(s.exit_t, tq) if exited else None,
                       'code': s.exit_code() if exited else None}
        if not exited:
            rec['status'] = 'quit-timeout'
            rec['error'] = f'still running {job.get("quit_wait_s", 2.0)} s after the quit key; killed'
        elif s.exit_code() != 0:
            rec['status'] = 'quit-code'
            rec['error'] = f'exit code {s.exit_code()} after the quit key; output: {s.tail_text()!r}'
        rec['queries_answered'] = s.queries
        rec['total_bytes'] = len(s.raw)
        return rec
    finally:
        s.kill()
        s.close()


def main():
    if len(sys.argv) != 2:
        print('usage: pty_run.py JOB.json|-', file=sys.stderr)
        return 2
    try:
        job = json.load(sys.stdin if sys.argv[1] == '-' else open(sys.argv[1], encoding='utf-8'))
    except (OSError, ValueError) as e:
        print(f'pty_run: bad job: {e}', file=sys.stderr)
        return 2
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    label = job.get('label', job['cmd'][0])
    runs, warm = job.get('runs', 5), job.get('warmup', 0)
    out = {'label': label, 'runs': []}
    failed = False
    for i in range(warm + runs):
        measured = i >= warm
        try:
            if job.get('mode') == 'exit':
                rec = run_exit(job)
            else:
                rec = run_tui(job, job.get('transitions', 0) if i == warm else 0)
        except (RuntimeError, OSError) as e:
            rec = {'status': 'error', 'error': str(e)}
        brief = {key: rec.get(key) for key in ('status', 'exit_ms', 'first_frame_ms', 'hwm_kb') if key in rec}
        print(f'pty_run: {label} {"run " + str(i - warm + 1) if measured else "warm-up"}: {json.dumps(brief)}',
              file=sys.stderr)
        if rec.get('status') != 'ok':
            failed = True
            out['runs'].append(rec)
            break
        if measured:
            out['runs'].append(rec)
    print(json.dumps(out))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
