"""Reading barcodes in images and live frames: zbar and zxing-cpp in one pipeline (no Qt).

``pipeline.Decoder`` reads, ``code.Code`` is what it returns, ``images.load_image`` loads a file
safely. Nothing is imported here, so the command line starts without loading OpenCV and the
engines; ``decode_cli`` imports them only when it decodes.
"""
