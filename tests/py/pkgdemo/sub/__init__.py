from ..helper import shout
deep = shout("deep")
