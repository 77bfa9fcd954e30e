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
                 (the other runs only measure the first frame and quitting; with
                 every_run: true, in every run, and the steps too)
  steps          instead of next-slide keys: a list of {key, name, text or raw}, each a key
                 and a regular expression that marks its frame, on the ANSI-stripped text
                 (text) or on the bytes (raw; e.g. an inverse cell); see run_steps
  wait_idle      (default true) before the first key, wait until the program has written
                 nothing and used under 5 % of a CPU for `idle` ms (default 200), at most
                 idle_limit_s (default 20): its start-up is over, keys meet a player that
                 waits for them (idle_ms: spawn -> that moment, or null at the limit)
  next_key       the bytes to send (default ESC [ C, the Right arrow)
  quiet          a frame is complete when the output has been quiet this long (default 30)
  settle         before the next key, wait until the output has been quiet this long
                 (default 150, at most 3 s): trailing animation frames come and go first
  stall, silent  a key that brought output but not the next "k/n" within `stall` ms of
                 silence (default 250), or no output at all for `silent` ms (default 2000),
                 the program idle all that time (no thread running or waiting for a CPU:
                 a slow program on a loaded machine is not stalled), was taken for something else (lectern: it finished a typing animation);
                 the key is sent again, up to 3 times, and the transition is timed from the
                 last press (extra_keys, finish_bytes record what happened)
  timeout_first_s, timeout_key_s, quit_wait_s   limits of every wait (30, 5, 2)

Per run: first_byte_ms / first_frame_ms (marker seen) / first_frame_complete_ms (last byte
of the burst that contains the marker) measured from fork(); then for each key press:
first_byte_ms (write -> first byte), marker_ms (write -> "k/n" seen), complete_ms (write ->
last byte before `quiet` ms of silence, every synchronized-output block opened since
the key closed again: a frame is never cut in two), bytes (write -> complete), late_bytes (after complete, before the next key: animation frames
that came more than `quiet` ms apart), clears (ESC[2J in those
bytes), syncs (ESC[?2026h, one per Ink frame); hwm_kb/rss_kb: VmHWM/VmRSS of the program
from /proc just before the quit key; quit: exited within quit_wait_s?, exit_ms, code.
"""
import json
import re
import signal
import sys

from pty_session import Session, marker_re, ms, now, on_signal, read_status, strip


def marker_for(job, k, n):
    """The "k/n" status marker, or the job's own text for slide k (slide_markers, for
    players that show no "k/n": the bench tags each slide of a peer's deck)."""
    texts = job.get('slide_markers')
    if texts and 1 <= k <= len(texts):
        return re.compile(texts[k - 1])
    return marker_re(k, n)


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


def run_steps(s, job, rec, quiet_s, settle_s):
    """Presses job['steps'] one at a time: each {key, name, text or raw}, a regular
    expression on the ANSI-stripped output (text) or on the bytes (raw) that marks the
    step's frame. Records per step: name, first_byte_ms, marker_ms, complete_ms, bytes."""
    rec['steps'] = []
    for i, step in enumerate(job['steps']):
        raw = 'raw' in step
        marker = re.compile(step['raw'].encode('latin-1')) if raw else re.compile(step['text'])
        tk = s.send(step['key'].encode('utf-8'))
        g = s.wait_frame(tk, marker, quiet_s, job.get('timeout_key_s', 5), raw=raw)
        rec['steps'].append({
            'name': step['name'], 'status': g['status'],
            'first_byte_ms': rel(g['first_t'], tk),
            'marker_ms': rel(g['marker_t'], tk),
            'complete_ms': rel(g['last_t'], tk) if g['marker_t'] else None,
            'bytes': g['off1'] - g['off0'],
        })
        if g['status'] != 'ok':
            rec['status'] = 'step-' + g['status']
            rec['error'] = (f'step {i + 1} ({step["name"]}, key {step["key"]!r}): {g["status"]} waiting for '
                            f'{step.get("text", step.get("raw"))!r}; screen text at the end: {s.tail_text()!r}')
            return
        s.settle(settle_s, 3.0)


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
        off = len(s.raw)
        if job.get('wait_idle', True):
            # keys wait until the program is idle: its start-up work (the rest of the deck, the
            # UI it takes over with) done, so that a key is timed from input to frame only
            idle_t = s.wait_idle(job.get('idle', 200) / 1000.0, job.get('idle_limit_s', 20))
            rec['idle_ms'] = rel(idle_t, s.t0)
        s.settle(settle_s, 3.0)
        rec['late_bytes_first'] = len(s.raw) - off
        if job.get('steps'):
            run_steps(s, job, rec, quiet_s, settle_s)
            transitions = 0
            if rec['status'] != 'ok':
                return rec
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
                rec = run_tui(job, job.get('transitions', 0) if i == warm or job.get('every_run') else 0)
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
