# -*- coding: utf-8 -*-
λ = 01
