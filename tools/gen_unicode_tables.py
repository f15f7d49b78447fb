#!/usr/bin/python3.11
"""Generate src/objects/unicode_tables.c: Krait's Unicode character database.

Run with the reference interpreter:  /usr/bin/python3.11 tools/gen_unicode_tables.py

Every fact comes from the running interpreter (its unicodedata module and
its str methods), so Krait's str behaves exactly like the reference.

Output (all `const`, read through src/objects/str_tables.h):
  - a two-level index from code point to a record number, and the records:
    property flags, decimal/digit values, a numeric-value index, simple
    case mappings as deltas, and an index into the extended case table for
    code points whose full mappings are not a single simple character;
  - the names database: a word list, a byte stream of names encoded as word
    numbers, a block index for code point -> name, and ranges of names
    formed algorithmically (CJK ideographs and the like, Hangul syllables).
"""
import os
import sys
import unicodedata
import _sre

MAXCP = 0x110000

F_ALPHA = 1 << 0
F_DECIMAL = 1 << 1
F_DIGIT = 1 << 2
F_NUMERIC = 1 << 3
F_SPACE = 1 << 4
F_LOWER = 1 << 5
F_UPPER = 1 << 6
F_TITLE = 1 << 7
F_PRINTABLE = 1 << 8
F_CASED = 1 << 9
F_CASE_IGNORABLE = 1 << 10
F_XID_START = 1 << 11
F_XID_CONTINUE = 1 << 12
F_LINEBREAK = 1 << 13
F_EXTENDED_CASE = 1 << 14


def char_record(cp, numerics, ext, ext_index):
    c = chr(cp)
    flags = 0
    if c.isalpha(): flags |= F_ALPHA
    if c.isdecimal(): flags |= F_DECIMAL
    if c.isdigit(): flags |= F_DIGIT
    if c.isnumeric(): flags |= F_NUMERIC
    if c.isspace(): flags |= F_SPACE
    if c.islower(): flags |= F_LOWER
    if c.isupper(): flags |= F_UPPER
    is_title = unicodedata.category(c) == 'Lt'
    if is_title: flags |= F_TITLE
    if c.isprintable(): flags |= F_PRINTABLE
    cased = c.islower() or c.isupper() or is_title
    if cased: flags |= F_CASED
    # Case_Ignorable is not exposed; observe it through final-sigma rules.
    if cased:
        ign = ('A\u03a3' + c).lower()[1] == '\u03c2'
    else:
        ign = ('A' + c + '\u03a3').lower()[-1] == '\u03c2'
    if ign: flags |= F_CASE_IGNORABLE
    if c.isidentifier() and c != '_': flags |= F_XID_START
    if ('a' + c).isidentifier(): flags |= F_XID_CONTINUE
    if len(('a' + c + 'b').splitlines()) > 1: flags |= F_LINEBREAK
    dec = unicodedata.decimal(c, -1)
    dig = unicodedata.digit(c, -1)
    num = unicodedata.numeric(c, None)
    if num is None:
        numidx = 0
    else:
        if num not in numerics:
            numerics[num] = len(numerics) + 1
        numidx = numerics[num]
    lo_full = c.lower()
    up_full = c.upper()
    ti_full = c.title() if cp not in (0x130,) else c.title()
    fo_full = c.casefold()
    # simple mappings
    lo = _sre.unicode_tolower(cp)
    if len(up_full) == 1:
        up = ord(up_full)
    elif len(ti_full) == 1 and ti_full != c:
        up = ord(ti_full)
    else:
        up = cp
    ti = ord(ti_full) if len(ti_full) == 1 else cp
    extidx = 0
    full_simple = (len(lo_full) == 1 and ord(lo_full) == lo and
                   len(up_full) == 1 and ord(up_full) == up and
                   len(ti_full) == 1 and ord(ti_full) == ti and
                   fo_full == lo_full)
    if not full_simple:
        flags |= F_EXTENDED_CASE
        key = (lo_full, ti_full, up_full, fo_full)
        if key not in ext_index:
            ext_index[key] = len(ext)
            for s in key:
                ext.append(len(s))
                ext.extend(ord(x) for x in s)
        extidx = ext_index[key]
    return (flags, dec, dig, numidx, lo - cp, up - cp, ti - cp, extidx)


def two_level(values, shift):
    size = 1 << shift
    blocks = {}
    index1 = []
    index2 = []
    for start in range(0, len(values), size):
        blk = tuple(values[start:start + size])
        if blk not in blocks:
            blocks[blk] = len(index2) >> shift
            index2.extend(blk)
        index1.append(blocks[blk])
    return index1, index2


def ctype(values):
    m = max(values)
    mn = min(values)
    if mn >= 0:
        if m < 256: return 'uint8_t', 1
        if m < 65536: return 'uint16_t', 2
        return 'uint32_t', 4
    if -128 <= mn and m < 128: return 'int8_t', 1
    if -32768 <= mn and m < 32768: return 'int16_t', 2
    return 'int32_t', 4


def emit_array(out, ctyp, name, values, per_line=20):
    out.append('const %s %s[%d] = {' % (ctyp, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append(','.join(str(v) for v in values[i:i + per_line]) + ',')
    out.append('};')


def gen_names(out):
    named = []       # (cp, name) for names stored in the word table
    ranges = []      # [start, end, prefix] with names PREFIX-%X
    for cp in range(MAXCP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith('HANGUL SYLLABLE ') and 0xAC00 <= cp <= 0xD7A3:
            continue
        suffix = '-%X' % cp
        if n.endswith(suffix):
            prefix = n[:-len(suffix)]
            if ranges and ranges[-1][2] == prefix and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp, prefix])
            continue
        named.append((cp, n))
    freq = {}
    for cp, n in named:
        for w in n.split(' '):
            freq[w] = freq.get(w, 0) + 1
    words = sorted(freq, key=lambda w: (-freq[w], w))
    assert len(words) < 0x8000
    wnum = {w: i for i, w in enumerate(words)}
    # words: one string of NUL-separated words plus offsets
    woffs = []
    wbytes = bytearray()
    for w in words:
        woffs.append(len(wbytes))
        wbytes += w.encode('ascii')
    woffs.append(len(wbytes))
    sorted_words = sorted(range(len(words)), key=lambda i: words[i])
    stream = bytearray()
    blocks = []      # (first cp, byte offset), one per BLOCK names
    BLOCK = 64   # KR_UNAMES_BLOCK in str_tables.h
    prev = -1
    for i, (cp, n) in enumerate(named):
        if i % BLOCK == 0:
            blocks.append((cp, len(stream)))
            prev = cp
            delta = 0
        else:
            delta = cp - prev
            prev = cp
        # delta as a varint
        while True:
            b = delta & 0x7f
            delta >>= 7
            if delta:
                stream.append(b | 0x80)
            else:
                stream.append(b)
                break
        ws = n.split(' ')
        stream.append(len(ws))
        for w in ws:
            k = wnum[w]
            if k < 0x80:
                stream.append(k)
            else:
                stream.append(0x80 | (k >> 8))
                stream.append(k & 0xff)
    out.append('const int kr_unames_count = %d;' % len(named))
    out.append('const int kr_unames_nwords = %d;' % len(words))
    out.append('const char kr_unames_words[%d] =' % (len(wbytes) + 1))
    for i in range(0, len(wbytes), 100):
        out.append('"%s"' % wbytes[i:i + 100].decode('ascii'))
    out.append(';')
    emit_array(out, 'uint32_t', 'kr_unames_word_offsets', woffs)
    emit_array(out, 'uint16_t', 'kr_unames_sorted_words', sorted_words)
    emit_bytes(out, 'kr_unames_stream', bytes(stream))
    out.append('const int kr_unames_nblocks = %d;' % len(blocks))
    emit_array(out, 'uint32_t', 'kr_unames_block_cp', [b[0] for b in blocks])
    emit_array(out, 'uint32_t', 'kr_unames_block_off', [b[1] for b in blocks])
    out.append('const int kr_unames_nranges = %d;' % len(ranges))
    out.append('const struct kr_uname_range kr_unames_ranges[%d] = {' % len(ranges))
    for s, e, p in ranges:
        out.append('{0x%X, 0x%X, "%s"},' % (s, e, p))
    out.append('};')


def gen_normalization(out):
    """NFKC data: full compatibility decompositions (Hangul syllables are
    algorithmic and left out), canonical combining classes, and the
    primary composite pairs of canonical composition."""
    decomp_cps, decomp_off, decomp_data = [], [], []
    ccc = []
    pairs = []
    for cp in range(MAXCP):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        k = unicodedata.combining(c)
        if k:
            ccc.append((cp, k))
        if 0xAC00 <= cp <= 0xD7A3:
            continue
        d = unicodedata.normalize('NFKD', c)
        if d != c:
            decomp_cps.append(cp)
            decomp_off.append(len(decomp_data))
            decomp_data.extend(ord(x) for x in d)
        raw = unicodedata.decomposition(c)
        if raw and not raw.startswith('<'):
            parts = [int(x, 16) for x in raw.split()]
            if len(parts) == 2 and unicodedata.normalize('NFC', chr(parts[0]) + chr(parts[1])) == c:
                pairs.append((parts[0], parts[1], cp))
    decomp_off.append(len(decomp_data))
    pairs.sort()
    out.append('const int kr_unorm_ndecomp = %d;' % len(decomp_cps))
    emit_array(out, 'uint32_t', 'kr_unorm_decomp_cp', decomp_cps)
    emit_array(out, 'uint16_t', 'kr_unorm_decomp_off', decomp_off)
    emit_array(out, 'uint32_t', 'kr_unorm_decomp_data', decomp_data)
    out.append('const int kr_unorm_nccc = %d;' % len(ccc))
    emit_array(out, 'uint32_t', 'kr_unorm_ccc_cp', [a for a, _ in ccc])
    emit_array(out, 'uint8_t', 'kr_unorm_ccc', [b for _, b in ccc])
    out.append('const int kr_unorm_npairs = %d;' % len(pairs))
    emit_array(out, 'uint32_t', 'kr_unorm_pair_first', [a for a, _, _ in pairs])
    emit_array(out, 'uint32_t', 'kr_unorm_pair_second', [b for _, b, _ in pairs])
    emit_array(out, 'uint32_t', 'kr_unorm_pair_result', [c for _, _, c in pairs])


def emit_bytes(out, name, data):
    out.append('const unsigned char %s[%d] = {' % (name, len(data) + 1))
    for i in range(0, len(data), 24):
        out.append(','.join(str(b) for b in data[i:i + 24]) + ',')
    out.append('0};')


def main():
    numerics = {}
    ext = [0]
    ext_index = {}
    recs = {}
    rec_list = []
    per_cp = []
    for cp in range(MAXCP):
        r = char_record(cp, numerics, ext, ext_index)
        if r not in recs:
            recs[r] = len(rec_list)
            rec_list.append(r)
        per_cp.append(recs[r])
    best = None
    for shift in (7,):   # KR_UTAB_SHIFT in str_tables.h
        i1, i2 = two_level(per_cp, shift)
        cost = len(i1) * ctype(i1)[1] + len(i2) * ctype(i2)[1]
        if best is None or cost < best[0]:
            best = (cost, shift, i1, i2)
    cost, shift, i1, i2 = best
    out = []
    out.append('/* unicode_tables.c: GENERATED by tools/gen_unicode_tables.py from')
    out.append(' * /usr/bin/python3.11 (Unicode %s).  Do not edit.' % unicodedata.unidata_version)
    out.append(' * (owned by the str area; read through src/objects/str_tables.h) */')
    out.append('#include "internal.h"')
    out.append('#include "objects/str_tables.h"')
    out.append('')
    out.append('const char kr_unicode_version[] = "%s";' % unicodedata.unidata_version)
    out.append('const int kr_utab_shift = %d;  /* must equal KR_UTAB_SHIFT */' % shift)
    emit_array(out, ctype(i1)[0], 'kr_utab_index1', i1)
    emit_array(out, ctype(i2)[0], 'kr_utab_index2', i2)
    out.append('const struct kr_uchar_record kr_utab_records[%d] = {' % len(rec_list))
    for r in rec_list:
        out.append('{%d,%d,%d,%d,%d,%d,%d,%d},' % r)
    out.append('};')
    emit_array(out, 'uint32_t', 'kr_utab_ext_case', ext)
    nums = sorted(numerics.items(), key=lambda kv: kv[1])
    out.append('const double kr_utab_numeric[%d] = {0.0,' % (len(nums) + 1))
    for v, _ in nums:
        out.append('%r,' % v)
    out.append('};')
    gen_names(out)
    gen_normalization(out)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                        'src', 'objects', 'unicode_tables.c')
    # the generated header types must agree with the emitted C types
    sys.stderr.write('index1 %s, index2 %s, %d records, shift %d\n' %
                     (ctype(i1)[0], ctype(i2)[0], len(rec_list), shift))
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
