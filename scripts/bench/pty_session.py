"""pty_session.py - a program in a pseudo-terminal: its output, its exit, its CPU time.

Part of scripts/bench/pty_run.py (Python 3 standard library only, Linux)."""
import fcntl
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

    def cpu_state(self):
        """(CPU time of all the program's threads in ns, whether one of them is running or
        waiting for a CPU), from /proc/PID/task/*/schedstat and stat."""
        total, running = 0, False
        try:
            tasks = os.listdir(f'/proc/{self.pid}/task')
        except OSError:
            return 0, False
        for tid in tasks:
            try:
                with open(f'/proc/{self.pid}/task/{tid}/schedstat', 'rb') as f:
                    total += int(f.read().split()[0])
                with open(f'/proc/{self.pid}/task/{tid}/stat', 'rb') as f:
                    running = running or f.read().rsplit(b')', 1)[1].split()[0] == b'R'
            except (OSError, IndexError, ValueError):
                pass
        return total, running

    def sample_busy(self):
        """Samples the program's CPU state; returns the last time it was seen busy: a thread
        running or runnable, or more than 5 % of a CPU used since the previous sample (a
        program waiting for a CPU on a loaded machine is busy, not idle)."""
        t = now()
        cpu, running = self.cpu_state()
        last = getattr(self, '_cpu', None)
        if last is None or running or (cpu - last[1]) > 0.05 * (t - last[0]) * 1e9:
            self.busy_t = t
        self._cpu = (t, cpu)
        return self.busy_t

    def wait_idle(self, idle_s, limit_s):
        """Reads until the program has written nothing and used (almost) no CPU for idle_s
        (at most limit_s): its start-up work is over and it waits for keys. Returns the time
        the idle stretch began, or None at the limit; the bytes that came meanwhile count."""
        t0 = now()
        self.busy_t = t0
        self._cpu = None
        last_out = t0
        while now() - t0 < limit_s and not self.check_exit():
            busy = self.sample_busy()
            quiet_since = max(busy, last_out)
            if now() - quiet_since >= idle_s:
                return quiet_since
            got = self.read(0.01)
            if got is not None:
                last_out = got
        return None

    def wait_frame(self, t_start, marker, quiet_s, timeout_s, stall_s=None, silent_s=None, raw=False):
        """Waits until `marker` (a compiled pattern: on the ANSI-stripped text, or with raw on
        the bytes) shows in the output written from now on, every synchronized-output block
        opened in it (ESC[?2026h) is closed (ESC[?2026l), and the output has then been quiet
        for quiet_s. Times are absolute (perf_counter). With stall_s, gives up ("stalled")
        when output came but no marker, and then stall_s passed with neither output nor CPU
        use, or when nothing at all came for silent_s of idle CPU: the key was taken for
        something else. A program that is busy or waits for a CPU is never stalled."""
        off0 = len(self.raw)
        first_t = last_t = marker_t = None
        deadline = t_start + timeout_s
        status = 'ok'
        self.busy_t = t_start
        self._cpu = None

        def found():
            chunk = bytes(self.raw[off0:])
            return marker.search(chunk if raw else strip(chunk))

        def balanced():
            chunk = self.raw[off0:]
            return chunk.count(b'\x1b[?2026h') <= chunk.count(b'\x1b[?2026l')

        while True:
            t = now()
            if marker_t is not None and t - last_t >= quiet_s and balanced():
                break
            if t >= deadline:
                status = 'timeout' if marker_t is None else 'no-quiet'
                break
            if marker_t is None and stall_s is not None:
                busy = self.sample_busy()
                if (t - max(last_t, busy) >= stall_s if last_t is not None else t - busy >= silent_s):
                    status = 'stalled'
                    break
            if self.exit_status is not None and (self.eof or self.pidfd is not None):
                # drain what the program wrote before it exited
                while self.read(0.0) is not None:
                    pass
                if marker_t is None and found():
                    marker_t = last_t = now()
                status = 'exited'
                break
            if marker_t is not None:
                wait = min(deadline - t, max(0.005, last_t + quiet_s - t))
            elif stall_s is not None:
                wait = min(deadline - t, 0.02)
            else:
                wait = deadline - t
            got = self.read(max(0.0, wait))
            if got is None:
                continue
            first_t = first_t or got
            last_t = got
            if marker_t is None and found():
                marker_t = got
        return dict(status=status, off0=off0, off1=len(self.raw), first_t=first_t, marker_t=marker_t, last_t=last_t)

    def wait_exit(self, seconds):
        end = now() + seconds
        while self.exit_status is None and now() < end:
            self.read(min(0.01, end - now()) if self.pidfd is None else end - now())
        return self.check_exit()

    def tail_text(self, n=600):
        return strip(bytes(self.raw[-8000:]))[-n:]


