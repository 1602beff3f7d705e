"""Execute one notebook headlessly with nbclient (Debian's python3-nbclient), for
scripts/notebooks.mjs.

    /usr/bin/python3 scripts/execute_notebook.py IN.ipynb OUT.ipynb [--kernel deno]
        [--timeout 300] [--grace 0.15]

Why not plain `jupyter nbconvert --execute`: the Deno kernel (2.x) sometimes publishes a cell's
last display_data / execute_result just *after* its `status: idle` message. nbclient stops
reading a cell's outputs at idle, so those outputs were silently lost (one run in two, on a
cell that displays several values). This client keeps reading the cell's messages until the
channel has been quiet for `--grace` seconds after idle. Errors in cells are kept in the output
notebook (allow_errors) so that the caller can name the failing cell and still export a report.
"""
import argparse
import os
import queue

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async


class LingeringClient(NotebookClient):
    """A NotebookClient that also collects outputs published shortly after `status: idle`."""

    grace = 0.15

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg['parent_header'].get('msg_id') == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    break
        # Drain late messages of this cell until the channel is quiet for `grace` seconds.
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.grace))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('input')
    parser.add_argument('output')
    parser.add_argument('--kernel', default='deno')
    parser.add_argument('--timeout', type=int, default=300)
    parser.add_argument('--grace', type=float, default=0.15)
    args = parser.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    client = LingeringClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel,
        allow_errors=True,
        resources={'metadata': {'path': os.path.dirname(os.path.abspath(args.input))}},
    )
    client.grace = args.grace
    client.execute()
    nbformat.write(nb, args.output)


if __name__ == '__main__':
    main()
