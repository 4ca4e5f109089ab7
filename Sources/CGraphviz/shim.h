// libgraphviz (Debian bookworm 2.42.2; pkg-config reports 2.43.0) through pkg-config `libgvc`.
// Headers are the system's, never vendored. See ../shared/notes/graphviz.md §3.
#ifndef NEWSGRAPH_CGRAPHVIZ_SHIM_H
#define NEWSGRAPH_CGRAPHVIZ_SHIM_H
#include <gvc.h>
#include <cgraph.h>
#endif
