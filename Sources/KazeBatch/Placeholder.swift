// KazeBatch: placeholder until its issue lands; remove when the first real file is added.
