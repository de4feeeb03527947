"""Open collab's GIS files with QGIS (PyQGIS, headless) and say what it sees.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_layers.py OUT.png URI...

Each URI is a GeoJSON file or GPKG|layername=NAME. For each, prints its
validity, feature count, fields and their types, and the renderer QGIS
loaded (for a GeoPackage, the default style of its layer_styles table).
The first URI is rendered to OUT.png, 600 x 600 on white, and the colours
of every other pixel are counted. One JSON object on the last line.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

png, uris = sys.argv[1], sys.argv[2:]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
out = {"layers": []}
layers = []
for uri in uris:
    layer = QgsVectorLayer(uri, uri, "ogr")
    r = layer.renderer()
    info = {"uri": uri, "valid": layer.isValid(), "count": layer.featureCount(),
            "geometry": layer.geometryType(), "renderer": r.type() if r else None,
            "fields": {f.name(): f.typeName() for f in layer.fields()}}
    if r is not None and r.type() == "categorizedSymbol":
        info["attr"] = r.classAttribute()
        info["colours"] = {str(c.value()): c.symbol().color().name() for c in r.categories()}
    elif r is not None and r.type() == "singleSymbol":
        info["colour"] = r.symbol().color().name()
    out["layers"].append(info)
    layers.append(layer)
settings = QgsMapSettings()
settings.setLayers(layers[:1])
settings.setExtent(layers[0].extent())
settings.setOutputSize(QSize(600, 600))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
image.save(png)
colours = {}
for x in range(0, image.width(), 2):
    for y in range(0, image.height(), 2):
        name = QColor(image.pixel(x, y)).name()
        colours[name] = colours.get(name, 0) + 1
out["png"] = {"width": image.width(), "height": image.height(), "colours": colours}
print(json.dumps(out), flush=True)
os._exit(0)  # QGIS 3.22 may crash in exitQgis after a render; the answer is out
