#!/usr/bin/env python3
"""fake_terminal.py - run a program in a pseudo-terminal that answers like a chosen terminal.

For screen tests of what no terminal multiplexer can show (kitty and iTerm2 pictures): the
program runs in a pty of the given size; its output is recorded byte for byte; the
terminal's answers to the program's questions are written back as a terminal would (or not
at all, to play a terminal that ignores a question); and keys are sent once the output
shows what a step waits for. Python 3 standard library only, Linux.

Reads one JSON job from stdin, prints one JSON result on stdout:
  job:    {"cmd": [argv...], "env": {...}, "cols": 80, "rows": 24,
           "answers": [{"query": REGEX, "reply": TEXT}, ...],
           "steps": [{"wait": REGEX, "send": TEXT}, ...], "timeout": SECONDS}
          Regexes match the raw output (bytes as latin-1 text). An answer is written once for
          every new match of its query, in the order the queries appear in the output. A step
          waits for its regex to match output that came after the previous step's match, then
          sends its text. After the last step the program has `timeout` seconds to exit.
  result: {"output": BASE64, "status": EXIT STATUS or null, "error": TEXT or null}
"""
import base64
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


def main():
    job = json.load(sys.stdin)
    answers = [(re.compile(a['query'].encode('latin-1'), re.S), a['reply'].encode('latin-1')) for a in job.get('answers', [])]
    steps = [(re.compile(s['wait'].encode('latin-1'), re.S), s['send'].encode('latin-1')) for s in job.get('steps', [])]
    deadline = time.monotonic() + job.get('timeout', 20)
    pid, fd = os.forkpty()
    if pid == 0:
        os.execvpe(job['cmd'][0], job['cmd'], job['env'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', job.get('rows', 24), job.get('cols', 80), 0, 0))
    os.kill(pid, signal.SIGWINCH)
    output = bytearray()
    answered = [0] * len(answers)
    step_from = 0
    status = None
    error = None
    while True:
        if time.monotonic() > deadline:
            error = 'timed out' + (f' waiting for step {len(steps) and steps[0][0].pattern!r}' if steps else ' waiting for the exit')
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                break
            output += chunk
            due = []
            for index, (query, reply) in enumerate(answers):
                for match in query.finditer(output, answered[index]):
                    due.append((match.start(), reply))
                    answered[index] = match.end()
            for _, reply in sorted(due, key=lambda entry: entry[0]):
                os.write(fd, reply)
            while steps:
                match = steps[0][0].search(output, step_from)
                if not match:
                    break
                os.write(fd, steps[0][1])
                step_from = match.end()
                steps.pop(0)
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
            # What is still in the pty after the exit.
            while select.select([fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            break
    if status is None:
        _, code = os.waitpid(pid, 0)
        status = os.waitstatus_to_exitcode(code)
    json.dump({'output': base64.b64encode(bytes(output)).decode('ascii'), 'status': status, 'error': error}, sys.stdout)


main()
