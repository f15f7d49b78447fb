not await for \ _
