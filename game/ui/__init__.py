"""The Pygame face of August Plenum.

The UI reads the game state and submits orders; it holds no rules. Screens form a stack
(see ``screen.py``); the app loop lives in ``app.py``.
"""
