/* test_layout.c: every public struct the design lists has CPython 3.11's
 * size and field offsets (design, section 2), checked against the table
 * tools/gen_layout_table.py measured from CPython's own headers. */
#include "Python.h"
#include "structmember.h"
#include <stddef.h>
#include <stdio.h>

static int failures, checks;

static void check(const char *what, size_t got, size_t want)
{
    checks++;
    if (got != want) {
        failures++;
        printf("not ok %d - %s is %zu, CPython 3.11 has %zu\n", checks, what, got, want);
    }
}

int main(void)
{
#define SIZE(s, n) check("sizeof(" #s ")", sizeof(s), (n));
#define LAYOUT(s, f, off) check("offsetof(" #s ", " #f ")", offsetof(s, f), (off));
#include "layout_table.h"
    printf("%d checks, %d failures\n", checks, failures);
    return failures != 0;
}
