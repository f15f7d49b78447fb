/* host.c: an application embedding Krait with native access switched off
 * (krait_options.allow_native_access = 0).  Runs the script named on the
 * command line in such a context, and the same script in a default
 * context, with the folder of native modules given second first on
 * sys.path.  The script's output goes to stdout. */
#include <Python.h>
#include <krait.h>
#include <stdio.h>

static int run_in(int native, const char *script, const char *folder)
{
    krait_options o = krait_default_options();
    o.allow_native_access = native;
    krait_context *ctx = krait_context_new(&o);
    if (ctx == NULL || krait_enter(ctx) != 0) {
        printf("cannot create a context\n");
        return 1;
    }
    char src[4096];
    snprintf(src, sizeof src, "import sys\nsys.path.insert(0, %s%s%s)\nnative = %d\n",
             "'", folder, "'", native);
    int rc = krait_run_string(ctx, src) != 0 || krait_run_file(ctx, script) != 0;
    fflush(stdout);
    krait_leave(ctx);
    krait_context_free(ctx);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SCRIPT MODULE_FOLDER\n", argv[0]);
        return 2;
    }
    int rc = run_in(0, argv[1], argv[2]);
    rc |= run_in(1, argv[1], argv[2]);
    return rc;
}
