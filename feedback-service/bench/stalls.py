#!/usr/bin/env python3
"""What the disk and PostgreSQL did around the intake's slow batches (run.sh prints this after each door).

Reads the samples run.sh takes during a door (every 0.5 s: /proc/diskstats for the disk under PostgreSQL's data,
/proc/meminfo Dirty and Writeback; every second: pg_stat_wal and pg_stat_bgwriter) and the intake writers' slow
batches (IntakeTimings at DEBUG: writes or commit over 25 ms), and prints per-second figures for the seconds with a
slow batch next to the same figures for all seconds of the run.
Usage: stalls.py <io samples> <pg samples> <app log lines of the run>
"""
import json
import statistics
import sys
from datetime import datetime


def disk(path):
    rows = []
    for line in open(path):
        f = line.split()
        if len(f) < 11:
            continue
        t, writes, sectors, ms_w, inflight, weighted, flushes, flush_ms, dirty, wb = map(float, f[:10])
        rows.append(dict(t=t, writes=writes, mb=sectors * 512 / 1e6, ms_w=ms_w, inflight=inflight,
                         weighted=weighted, flushes=flushes, flush_ms=flush_ms, dirty=dirty / 1024, wb=wb / 1024))
    out = []
    for a, b in zip(rows, rows[1:]):
        dt = b['t'] - a['t']
        if dt <= 0:
            continue
        w = b['writes'] - a['writes']
        fl = b['flushes'] - a['flushes']
        out.append(dict(t=b['t'], dt=dt, mb_s=(b['mb'] - a['mb']) / dt, write_ms=(b['ms_w'] - a['ms_w']) / w if w else 0,
                        queue=(b['weighted'] - a['weighted']) / 1000 / dt, flush_ms=(b['flush_ms'] - a['flush_ms']) / fl
                        if fl else 0, dirty=b['dirty'], wb=max(a['wb'], b['wb'])))
    return out


def pg(path):
    rows = []
    for line in open(path):
        f = line.strip().split('|')
        if len(f) != 13:
            continue
        rows.append([float(x) for x in f])
    out = []
    for a, b in zip(rows, rows[1:]):
        d = [y - x for x, y in zip(a, b)]
        syncs = d[4]
        out.append(dict(t=b[0], fpi=d[1], wal_mb=d[2] / 1e6, syncs=syncs, sync_ms=d[5] / syncs if syncs else 0,
                        ckpt=d[7], buf_ckpt=d[8], buf_clean=d[9], buf_backend=d[10], backend_fsync=d[11],
                        new_segments=d[12]))
    return out


def slow(path):
    out = []
    for line in open(path):
        if 'slow batch' not in line:
            continue
        try:
            j = json.loads(line)
        except ValueError:
            continue
        t = datetime.fromisoformat(j['timestamp'].replace('Z', '+00:00')).timestamp()
        m = j['message']
        w = float(m.split('writes ')[1].split(' ms')[0])
        c = float(m.split('commit ')[1].split(' ms')[0])
        out.append(dict(t=t, writes=w, commit=c))
    return out


def near(rows, t, width):
    return [r for r in rows if t - width <= r['t'] <= t + width]


def summary(label, rows, keys):
    if not rows:
        return f'{label}: no samples'
    parts = []
    for k in keys:
        v = [r[k] for r in rows]
        parts.append(f'{k} {statistics.median(v):.1f} (max {max(v):.1f})')
    return f'{label} [{len(rows)}]: ' + ', '.join(parts)


def main():
    d, p, s = disk(sys.argv[1]), pg(sys.argv[2]), slow(sys.argv[3])
    dk = ['mb_s', 'write_ms', 'queue', 'flush_ms', 'dirty', 'wb']
    pk = ['wal_mb', 'fpi', 'sync_ms', 'buf_backend', 'buf_clean', 'buf_ckpt']
    print(f'  slow batches (writes or commit > 25 ms): {len(s)}; '
          f'{sum(1 for x in s if x["commit"] > 25)} slow commits, {sum(1 for x in s if x["writes"] > 25)} slow writes')
    print('  disk, all half-seconds:  ' + summary('', d, dk))
    dn = [r for x in s for r in near(d, x['t'], 0.5)]
    print('  disk, at slow batches:   ' + summary('', dn, dk))
    print('  PostgreSQL, all seconds: ' + summary('', p, pk))
    pn = [r for x in s for r in near(p, x['t'], 1.0)]
    print('  PostgreSQL, slow:        ' + summary('', pn, pk))
    print(f'  checkpoints during the door: {int(sum(r["ckpt"] for r in p))}; backend fsyncs: '
          f'{int(sum(r["backend_fsync"] for r in p))}; WAL segment files added: '
          f'{int(sum(r["new_segments"] for r in p))} ({sum(1 for r in pn if r["new_segments"] > 0)} of the '
          f'{len(pn)} seconds around slow batches added one, {sum(1 for r in p if r["new_segments"] > 0)} of all '
          f'{len(p)} seconds)')
    # each slow batch put in one class, in this order: a WAL segment file created within 1 s, a burst of the kernel's
    # write-back (> 100 MB/s to the disk) within 1 s, neither
    def cls(x):
        if any(r['new_segments'] > 0 for r in near(p, x['t'], 1.0)):
            return 'new WAL segment'
        if any(r['mb_s'] > 100 for r in near(d, x['t'], 1.0)):
            return 'write-back burst'
        return 'neither'
    for kind in ('commit', 'writes'):
        xs = [x for x in s if x[kind] > 25]
        counts = {}
        for x in xs:
            counts[cls(x)] = counts.get(cls(x), 0) + 1
        print(f'  slow {kind} by what happened within 1 s: ' + ', '.join(f'{k} {v}' for k, v in sorted(counts.items()))
              + (f'; {kind} over 50 ms: {sum(1 for x in xs if x[kind] > 50)}' if xs else ''))
    print(f'  write-back bursts (> 100 MB/s): {sum(1 for r in d if r["mb_s"] > 100)} of {len(d)} half-seconds')
    print('  the slowest 12 (by writes + commit):')
    for x in sorted(s, key=lambda x: -(x['writes'] + x['commit']))[:12]:
        dd = near(d, x['t'], 0.5)
        pp = near(p, x['t'], 1.0)
        print('   {} writes {:6.1f} commit {:6.1f} | disk {} | wal sync {}'.format(
            datetime.utcfromtimestamp(x['t']).strftime('%H:%M:%S.%f')[:-3], x['writes'], x['commit'],
            ' '.join(f'{r["mb_s"]:.0f}MB/s,w{r["write_ms"]:.1f}ms,q{r["queue"]:.1f},f{r["flush_ms"]:.0f}ms,'
                     f'dirty{r["dirty"]:.0f}M,wb{r["wb"]:.0f}M' for r in dd),
            ' '.join(f'{r["sync_ms"]:.1f}ms/{r["syncs"]:.0f}{"+seg" if r["new_segments"] > 0 else ""}'
                     for r in pp)))


main()
