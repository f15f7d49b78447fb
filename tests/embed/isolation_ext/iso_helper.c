/* libisohelper: an ordinary shared library shipped beside iso_dep, with
 * a global of its own; a private copy of iso_dep must come with a private
 * copy of it. */
static long helper_count;

long iso_helper_bump(void)
{
    return ++helper_count;
}
