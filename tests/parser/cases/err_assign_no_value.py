self**_=
