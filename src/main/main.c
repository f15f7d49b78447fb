/* main.c: the `krait` executable.  All of the command line lives in the
 * library (capi/pymain.c), so an application embedding Krait can offer
 * the same command with Py_BytesMain. */
#include "Python.h"

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
